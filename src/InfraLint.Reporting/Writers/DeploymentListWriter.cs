using System.Globalization;
using System.Text;
using InfraLint.Core.Deployments;
using InfraLint.Reporting.Output;
using Newtonsoft.Json;

namespace InfraLint.Reporting.Writers;

/// <summary>
/// <c>infralint deployments</c>: what was discovered, as text or as JSON
/// (<c>{ "schemaVersion": 1, "deployments": [ … ] }</c>, docs/output-formats.md). Paths are relative to the
/// repository root with forward slashes; deployments are sorted by template then name.
/// </summary>
public static class DeploymentListWriter
{
    public const int SchemaVersion = 1;

    public static string Json(DiscoveryResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture, CloseOutput = false })
        {
            json.WriteStartObject();
            json.WritePropertyName("schemaVersion");
            json.WriteValue(SchemaVersion);
            json.WritePropertyName("deployments");
            json.WriteStartArray();
            foreach (var deployment in result.Deployments)
            {
                json.WriteStartObject();
                Write(json, "name", deployment.Name);
                Write(json, "template", Relative(result, deployment.Template));
                Write(json, "parameters", Parameters(result, deployment));
                Write(json, "environment", deployment.Environment.Name);
                json.WritePropertyName("evidence");
                json.WriteStartObject();
                Write(json, "file", Relative(result, deployment.Evidence.File));
                json.WritePropertyName("line");
                json.WriteValue(deployment.Evidence.Line);
                Write(json, "kind", deployment.Evidence.Kind);
                json.WriteEndObject();
                Write(json, "subscription", deployment.Subscription);
                Write(json, "resourceGroup", deployment.ResourceGroup);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        text.Write('\n');
        return text.ToString();
    }

    /// <summary>One line per deployment: <c>name: environment (why) template with parameters [scope], declared at file(line) (kind)</c>.</summary>
    public static string Text(DiscoveryResult result)
    {
        var text = new StringBuilder();
        foreach (var d in result.Deployments)
        {
            var environment = d.Environment.IsKnown ? $"{d.Environment.Name} ({d.Environment.Evidence})" : "unknown";
            var scope = string.Join(", ", new[] { d.Subscription is null ? null : "subscription " + d.Subscription, d.ResourceGroup is null ? null : "resource group " + d.ResourceGroup }.OfType<string>());
            var line = $"{d.Name}: {environment}: {Relative(result, d.Template)} with {Parameters(result, d) ?? "no parameter values"}" +
                (scope.Length > 0 ? $" [{scope}]" : string.Empty) + $", declared at {Relative(result, d.Evidence.File)}({d.Evidence.Line}) ({d.Evidence.Kind})";
            text.Append(OutputText.Line(Printable(line))).Append('\n');
        }
        return text.ToString();
    }

    // The parameters file, or "inline" when the declaration sets values itself; null when nothing sets any.
    private static string? Parameters(DiscoveryResult result, DeclaredDeployment deployment) =>
        deployment.Parameters is { } file ? Relative(result, file) : deployment.Values.Count > 0 ? "inline" : null;

    private static string Relative(DiscoveryResult result, string path) => Path.GetRelativePath(result.Root, path).Replace('\\', '/');

    private static void Write(JsonTextWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    // Names come from the repository's files: no control characters reach a terminal or a CI log, and (with OutputText.Line) no line
    // starts a CI logging command (##vso[, ::).
    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
