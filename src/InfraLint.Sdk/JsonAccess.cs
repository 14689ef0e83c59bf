using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>
/// Reads template JSON that may be an expression where an object is expected (<c>properties: union(…)</c>):
/// JToken's indexer throws on a string, these return null.
/// </summary>
public static class JsonAccess
{
    /// <summary>The value of property <paramref name="name"/> (case-insensitive, as ARM compares names) when <paramref name="token"/> is an object.</summary>
    public static JToken? Child(this JToken? token, string name) =>
        token is JObject obj ? obj.GetValue(name, StringComparison.OrdinalIgnoreCase) : null;
}
