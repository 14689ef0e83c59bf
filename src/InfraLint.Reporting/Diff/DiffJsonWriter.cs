using InfraLint.Reporting.Output;
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
        return IndentedJson.Write(json =>
        {
            json.WriteStartObject();
            json.Property("schemaVersion", SchemaVersion);
            json.Property("base", diff.Base);
            json.Property("head", diff.Head);
            json.WritePropertyName("summary");
            json.WriteStartObject();
            foreach (var group in new[] { TrustDiff.WideningGroup, TrustDiff.Narrowing, TrustDiff.Neutral })
                json.Property(group, diff.Count(group));
            json.WriteEndObject();
            json.WritePropertyName("changes");
            json.WriteStartArray();
            foreach (var change in diff.Changes)
                WriteChange(json, change);
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteChange(JsonTextWriter json, TrustChange change)
    {
        json.WriteStartObject();
        json.Property("kind", change.Kind);
        json.Property("widening", change.Widening);
        json.Property("principal", change.Principal);
        json.Property("identity", change.Identity);
        json.Property("role", change.Role);
        json.Property("scopeLevel", change.ScopeLevel);
        json.Property("scope", change.Scope);
        json.Property("environment", change.Environment);
        json.Property("resource", change.Resource);
        json.Property("setting", change.Setting);
        json.Property("ruleId", change.RuleId);
        json.Property("file", change.File);
        json.Property("line", change.Line);
        json.Property("message", change.Message);
        json.WritePropertyName("previous");
        if (change.Previous is { } previous)
        {
            json.WriteStartObject();
            json.Property("role", previous.Role);
            json.Property("scopeLevel", previous.ScopeLevel);
            json.Property("scope", previous.Scope);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull();
        }
        json.WriteEndObject();
    }
}
