using InfraLint.Core.Arm;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Engine;

/// <summary>
/// A finding in a module that holds only because of a parameter's default value, one no caller sets, says so: the
/// fix may be the caller's (pass the value) as much as the module's. The words are decided here, once:
/// <c>… (parameter 'allowSharedKeyAccess' default; no caller sets it)</c>.
/// </summary>
internal static class ParameterDefaults
{
    public static string Suffix(IReadOnlyList<string> parameters) =>
        parameters.Count == 1
            ? $" (parameter '{parameters[0]}' default; no caller sets it)"
            : $" (parameters {string.Join(", ", parameters.Select(p => $"'{p}'"))} defaults; no caller sets them)";

    /// <summary>
    /// The findings of <paramref name="model"/>, those whose value reads only parameters of the module that its caller does
    /// not set and that have a default marked with <see cref="Suffix"/>. Findings of entry templates (deployed with their
    /// defaults as they stand) and findings on a missing property are returned as they are.
    /// </summary>
    public static IEnumerable<Finding> Mark(TemplateModel model, IEnumerable<Finding> findings)
    {
        if (model is not CompiledTemplate { Parent: not null, InnerScope: true, CallerDeployment: { } caller } module ||
            Defaulted(module, caller) is not { Count: > 0 } defaulted)
            return findings;
        return findings.Select(f => f.PropertyPath is null || f.Exempts || ValueOf(module, f) is not { } value
            || Read(module, value) is not { Count: > 0 } read || !read.All(defaulted.Contains)
            ? f
            : f with { Message = f.Message + Suffix(read) });
    }

    // The module's parameters with a default value that the deployment's parameters do not name.
    private static HashSet<string> Defaulted(CompiledTemplate module, JObject caller)
    {
        var passed = caller["properties"]?["parameters"] as JObject;
        var defaulted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (module.Root["parameters"] is not JObject parameters)
            return defaulted;
        foreach (var parameter in parameters.Properties())
        {
            if (parameter.Value is JObject declaration && declaration.ContainsKey("defaultValue") && passed?.Property(parameter.Name, StringComparison.OrdinalIgnoreCase) is null)
                defaulted.Add(parameter.Name);
        }
        return defaulted;
    }

    // The written token the finding is about; for a setting's name, the entry that holds its value too.
    private static JToken? ValueOf(CompiledTemplate module, Finding finding)
    {
        var root = finding.Resource is { } resource ? module.SourceOf(resource.Body) : module.Template;
        JToken? token;
        try
        {
            token = finding.PropertyPath!.Length == 0 ? root : root.SelectToken(finding.PropertyPath);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
        if (token?.Parent is JProperty { Name: var name, Parent: JObject entry } && name.Equals("name", StringComparison.OrdinalIgnoreCase) && entry.ContainsKey("value"))
            return entry;
        return token;
    }

    // The parameters the value reads (through variables too), in ordinal order; only those of the module's own template count.
    private static List<string> Read(CompiledTemplate module, JToken value) =>
        module.Evaluate(value).Parameters
            .Where(p => module.Root["parameters"] is JObject parameters && parameters.Property(p, StringComparison.OrdinalIgnoreCase) is not null)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
}
