using System.Globalization;
using System.Text;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>
/// The string values of a parameters file that InfraLint cannot use as a whole (truncated, broken, duplicate keys, or
/// with no template to pair it with), read token by token without parsing, so that credentials written in it are still
/// reported (INFRA1003). Each value is located where a parsed file's would be: at its <c>"value"</c> key, else at the string.
/// </summary>
internal static class ParametersFileStrings
{
    public static IReadOnlyList<SuppliedParameter> Scan(string path, string text)
    {
        var found = new List<SuppliedParameter>();
        var keys = new List<string?>(); // the key of each open object or array, outermost first
        string? pendingKey = null;
        (int Line, int Column) pendingKeyAt = default;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    break;
                case '{' or '[':
                    keys.Add(pendingKey);
                    pendingKey = null;
                    break;
                case '}' or ']':
                    if (keys.Count > 0)
                        keys.RemoveAt(keys.Count - 1);
                    pendingKey = null;
                    break;
                case ',':
                    pendingKey = null;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                        i++;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    for (i += 2; i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'); i++)
                    {
                        if (text[i] == '\n')
                        {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    i++;
                    break;
                case '"':
                {
                    var at = (Line: line, Column: i - lineStart + 1);
                    var value = ReadString(text, ref i);
                    var next = i + 1;
                    while (next < text.Length && text[next] is ' ' or '\t' or '\r')
                        next++;
                    if (next < text.Length && text[next] == ':')
                    {
                        pendingKey = value;
                        pendingKeyAt = at;
                        break;
                    }
                    var name = Name(keys, pendingKey);
                    var location = pendingKey is { } key && key.Equals("value", StringComparison.OrdinalIgnoreCase) ? pendingKeyAt : at;
                    if (name is not null)
                        found.Add(new SuppliedParameter(name, new JValue(value), new SourceLocation(path, location.Line, location.Column)));
                    pendingKey = null;
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>A model with no resources that carries only <paramref name="supplied"/>, for the rules that read supplied values.</summary>
    public static TemplateModel Model(string path, SourceLanguage language, IReadOnlyList<SuppliedParameter> supplied)
    {
        var empty = new JObject();
        return new CompiledTemplate(path, language, empty, [], new JsonSourceLocator(path, string.Empty), new ArmEvaluator(empty), supplied);
    }

    // "parameters": { "<name>": { "value": … } }; outside that shape (a broken file), the nearest key.
    private static string? Name(List<string?> keys, string? pendingKey)
    {
        var path = keys.Skip(1).Append(pendingKey).ToList(); // the root object has no key
        var parameters = path.FindIndex(k => string.Equals(k, "parameters", StringComparison.OrdinalIgnoreCase));
        if (parameters >= 0 && parameters + 1 < path.Count && path[parameters + 1] is { } name)
            return name;
        return path.LastOrDefault(k => k is not null && !k.StartsWith('$'));
    }

    // A JSON string from its opening quote; i ends on the closing quote. A string left open ends at the line's end.
    private static string ReadString(string text, ref int i)
    {
        var value = new StringBuilder();
        for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                value.Append(text[i]);
                continue;
            }
            var escaped = text[++i];
            if (escaped == 'u' && i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                value.Append((char)code);
                i += 4;
                continue;
            }
            value.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => escaped });
        }
        if (i < text.Length && text[i] == '\n')
            i--; // the line break is counted by the caller
        return value.ToString();
    }
}
