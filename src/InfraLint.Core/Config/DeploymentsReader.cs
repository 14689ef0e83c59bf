using InfraLint.Core.Arm;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Config;

/// <summary>An entry of infralint.json <c>deployments</c>.</summary>
/// <param name="Template">Full path of the template.</param>
/// <param name="Parameters">Full path of its parameters file, if any.</param>
/// <param name="Environment"><c>production</c>, <c>sandbox</c>, or a name classified like a pipeline environment.</param>
/// <param name="Values">Parameter values set inline (they override the parameters file's).</param>
internal sealed record ConfiguredDeployment(string Name, string Template, string? Parameters, string? Environment,
    string? Subscription, string? ResourceGroup, string? Location, JObject? Values, SourceLocation Where);

/// <summary>Reads infralint.json <c>deployments</c>; a bad entry is an INFRA0003 warning and is left out.</summary>
internal static class DeploymentsReader
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "name", "template", "parameters", "environment", "subscription", "resourceGroup", "location", "values", "description",
    };

    public static IReadOnlyList<ConfiguredDeployment> Read(JToken? token, string path, JsonSourceLocator locator, List<Finding> problems)
    {
        var deployments = new List<ConfiguredDeployment>();
        if (token is null)
            return deployments;
        if (token is not JArray entries)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token.Parent!), "'deployments' must be an array; it is ignored"));
            return deployments;
        }
        var folder = Path.GetDirectoryName(path)!;
        foreach (var entry in entries)
        {
            var where = locator.Locate(entry);
            if (entry is not JObject o || Text(o, "name") is not { } name || Text(o, "template") is not { } template)
            {
                problems.Add(ToolDiagnostics.ConfigurationWarning(where, "a deployment needs a 'name' and a 'template'; it is ignored"));
                continue;
            }
            foreach (var key in o.Properties().Where(p => !Keys.Contains(p.Name)))
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(key), $"unknown key '{key.Name}' in a deployment is ignored"));
            if (deployments.Any(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(ToolDiagnostics.ConfigurationWarning(where, $"deployment names must be unique: a second '{name}' is ignored"));
                continue;
            }
            var values = o["values"] as JObject;
            if (o["values"] is { } v && values is null)
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(v.Parent!), "'values' must be an object of parameter name to value; it is ignored"));
            deployments.Add(new ConfiguredDeployment(name, Resolve(folder, template), Text(o, "parameters") is { } p ? Resolve(folder, p) : null,
                Text(o, "environment"), Text(o, "subscription"), Text(o, "resourceGroup"), Text(o, "location"), values, where));
        }
        return deployments;
    }

    private static string? Text(JObject o, string key) => o[key] is JValue { Type: JTokenType.String } v && ((string)v!).Length > 0 ? (string)v! : null;

    private static string Resolve(string folder, string relative) => Path.GetFullPath(Path.Combine(folder, relative));
}
