using System.Globalization;
using Newtonsoft.Json;

namespace InfraLint.Reporting.Graph;

/// <summary>
/// The trust graph as JSON (shape in docs/graph.md). Fields are only ever added; a change that breaks readers
/// takes a new <c>schemaVersion</c>. Every field is always present (null where it does not apply).
/// </summary>
public static class JsonGraphWriter
{
    public const int SchemaVersion = 1;

    public static string Write(TrustGraph graph)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture, CloseOutput = false })
        {
            json.WriteStartObject();
            Property(json, "schemaVersion", SchemaVersion);
            Strings(json, "environments", graph.Environments);
            Array(json, "nodes", graph.Nodes, node => WriteNode(json, node));
            Array(json, "edges", graph.Edges, edge =>
            {
                Property(json, "from", edge.From);
                Property(json, "to", edge.To);
                Property(json, "kind", Camel(edge.Kind.ToString()));
                Property(json, "label", edge.Label);
                Property(json, "crossesEnvironments", edge.CrossesEnvironments);
                WriteFindings(json, edge.Findings);
            });
            json.WriteEndObject();
        }
        text.Write('\n');
        return Output.OutputText.JsonDocument(text.ToString());
    }

    private static void WriteNode(JsonTextWriter json, GraphNode node)
    {
        Property(json, "id", node.Id);
        Property(json, "kind", Camel(node.Kind.ToString()));
        Property(json, "label", node.Label);
        Property(json, "detail", node.Detail);
        Property(json, "environment", node.Environment);
        Property(json, "environmentEvidence", node.EnvironmentEvidence);
        Property(json, "column", node.Column);
        Property(json, "identityKind", node.IdentityKind);
        Property(json, "resourceType", node.ResourceType);
        Property(json, "scopeLevel", node.ScopeLevel);
        json.WritePropertyName("role");
        if (node.Role is { } role)
        {
            json.WriteStartObject();
            Property(json, "name", role.Name);
            Strings(json, "actions", role.Actions);
            Property(json, "privileged", role.Privileged);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }
        Array(json, "locations", node.Locations, location =>
        {
            Property(json, "file", location.File);
            Property(json, "line", location.Line);
        });
        WriteFindings(json, node.Findings);
    }

    private static void WriteFindings(JsonTextWriter json, IReadOnlyList<GraphFinding> findings) =>
        Array(json, "findings", findings, finding =>
        {
            Property(json, "ruleId", finding.Id);
            Property(json, "level", finding.Severity);
            Property(json, "message", finding.Message);
            Property(json, "file", finding.File);
            Property(json, "line", finding.Line);
            Property(json, "column", finding.Column);
            Property(json, "helpUri", Output.OutputText.WebLink(finding.HelpUri));
        });

    // An array of objects, each written by writeProperties.
    private static void Array<T>(JsonTextWriter json, string name, IEnumerable<T> items, Action<T> writeProperties)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeProperties(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Strings(JsonTextWriter json, string name, IEnumerable<string> values)
    {
        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var value in values)
            json.WriteValue(value);
        json.WriteEndArray();
    }

    private static void Property(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
