using System.Globalization;
using Newtonsoft.Json;

namespace InfraLint.Reporting.Diff;

/// <summary>
/// The trust diff as JSON (docs/diff.md): <c>schemaVersion</c>, <c>base</c>, <c>head</c>, <c>summary</c> and <c>changes</c>,
/// every field of a change present (null where it does not apply). Fields are only ever added.
/// </summary>
public static class DiffJsonWriter
{
    public const int SchemaVersion = 1;

    public static string Write(TrustDiff diff)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture, CloseOutput = false })
        {
            json.WriteStartObject();
            Property(json, "schemaVersion", SchemaVersion);
            Property(json, "base", diff.Base);
            Property(json, "head", diff.Head);
            json.WritePropertyName("summary");
            json.WriteStartObject();
            foreach (var group in new[] { TrustDiff.WideningGroup, TrustDiff.Narrowing, TrustDiff.Neutral })
                Property(json, group, diff.Count(group));
            json.WriteEndObject();
            json.WritePropertyName("changes");
            json.WriteStartArray();
            foreach (var change in diff.Changes)
                WriteChange(json, change);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        text.Write('\n');
        return Output.OutputText.JsonDocument(text.ToString());
    }

    private static void WriteChange(JsonTextWriter json, TrustChange change)
    {
        json.WriteStartObject();
        Property(json, "kind", change.Kind);
        Property(json, "widening", change.Widening);
        Property(json, "principal", change.Principal);
        Property(json, "identity", change.Identity);
        Property(json, "role", change.Role);
        Property(json, "scopeLevel", change.ScopeLevel);
        Property(json, "scope", change.Scope);
        Property(json, "environment", change.Environment);
        Property(json, "resource", change.Resource);
        Property(json, "setting", change.Setting);
        Property(json, "ruleId", change.RuleId);
        Property(json, "file", change.File);
        Property(json, "line", change.Line);
        Property(json, "message", change.Message);
        json.WritePropertyName("previous");
        if (change.Previous is { } previous)
        {
            json.WriteStartObject();
            Property(json, "role", previous.Role);
            Property(json, "scopeLevel", previous.ScopeLevel);
            Property(json, "scope", previous.Scope);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }
        json.WriteEndObject();
    }

    private static void Property(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
