using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>The pure ARM template functions, over known arguments. Anything else is unknown (null).</summary>
internal static class ArmFunctions
{
    // range() beyond this stays unknown: no template deploys more items, and an attacker's count must not allocate.
    private const long MaxRange = 1000;

    public static JToken? Invoke(string name, IReadOnlyList<JToken> args)
    {
        switch (name)
        {
            case "format" when args.Count >= 1 && args[0].Type == JTokenType.String:
                return Format((string)args[0]!, args.Skip(1).ToList());
            case "concat" when args.Count > 0 && args.All(a => a is JArray):
                return new JArray(args.SelectMany(a => a.Children()).Select(t => t.DeepClone()));
            case "concat":
                return args.All(IsScalar) ? new JValue(string.Concat(args.Select(ToText))) : null;
            case "string" when args.Count == 1:
                return new JValue(IsScalar(args[0]) ? ToText(args[0]) : args[0].ToString(Newtonsoft.Json.Formatting.None));
            case "tolower" when args is [JValue { Type: JTokenType.String } s]:
                return new JValue(((string)s!).ToLowerInvariant());
            case "toupper" when args is [JValue { Type: JTokenType.String } s]:
                return new JValue(((string)s!).ToUpperInvariant());
            case "trim" when args is [JValue { Type: JTokenType.String } s]:
                return new JValue(((string)s!).Trim());
            case "replace" when args is [JValue { Type: JTokenType.String } s, JValue { Type: JTokenType.String } o, JValue { Type: JTokenType.String } nv]:
                return ((string)o!).Length == 0 ? null : new JValue(((string)s!).Replace((string)o!, (string)nv!, StringComparison.Ordinal));
            case "equals" when args.Count == 2:
                return new JValue(JToken.DeepEquals(args[0], args[1]) || (IsString(args[0]) && IsString(args[1]) && string.Equals((string)args[0]!, (string)args[1]!, StringComparison.OrdinalIgnoreCase)));
            case "not" when args is [JValue { Type: JTokenType.Boolean } b]:
                return new JValue(!(bool)b!);
            case "and" when args.All(a => a.Type == JTokenType.Boolean):
                return new JValue(args.All(a => (bool)a!));
            case "or" when args.All(a => a.Type == JTokenType.Boolean):
                return new JValue(args.Any(a => (bool)a!));
            case "true" when args.Count == 0:
                return new JValue(true);
            case "false" when args.Count == 0:
                return new JValue(false);
            case "null" when args.Count == 0:
                return JValue.CreateNull();
            case "empty" when args.Count == 1:
                return new JValue(args[0] switch
                {
                    JValue { Type: JTokenType.Null } => true,
                    JValue { Type: JTokenType.String } s => ((string)s!).Length == 0,
                    JContainer c => !c.HasValues,
                    _ => false,
                });
            case "length" when args.Count == 1:
                return args[0] switch
                {
                    JValue { Type: JTokenType.String } s => new JValue((long)((string)s!).Length),
                    JArray a => new JValue((long)a.Count),
                    JObject o => new JValue((long)o.Count),
                    _ => null,
                };
            case "createarray":
                return new JArray(args.Select(a => a.DeepClone()));
            case "createobject" when args.Count % 2 == 0 && Enumerable.Range(0, args.Count / 2).All(i => IsString(args[2 * i])):
            {
                var result = new JObject();
                for (var i = 0; i < args.Count; i += 2)
                    result[(string)args[i]!] = args[i + 1].DeepClone();
                return result;
            }
            case "union" when args.Count > 0 && args.All(a => a is JObject):
            {
                var result = new JObject();
                foreach (var o in args.Cast<JObject>())
                    result.Merge(o.DeepClone(), new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
                return result;
            }
            case "union" when args.Count > 0 && args.All(a => a is JArray):
                return new JArray(args.SelectMany(a => a.Children()).Distinct(JToken.EqualityComparer).Select(t => t.DeepClone()));
            case "shallowmerge" when args is [JArray objects] && objects.All(o => o is JObject || o.Type == JTokenType.Null):
            {
                var result = new JObject();
                foreach (var property in objects.OfType<JObject>().SelectMany(o => o.Properties()))
                    result[property.Name] = property.Value.DeepClone();
                return result;
            }
            case "items" when args is [JObject o]:
                // ARM returns the entries ordered by key.
                return new JArray(o.Properties().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(p => new JObject { ["key"] = p.Name, ["value"] = p.Value.DeepClone() }));
            case "range" when args is [JValue { Type: JTokenType.Integer } start, JValue { Type: JTokenType.Integer } count] && (long)count! is >= 0 and <= MaxRange:
                return new JArray(Enumerable.Range(0, (int)(long)count!).Select(i => new JValue((long)start! + i)));
            case "skip" when args is [JArray a, JValue { Type: JTokenType.Integer } skipped]:
                return new JArray(a.Skip((int)Math.Clamp((long)skipped!, 0, a.Count)).Select(t => t.DeepClone()));
            case "take" when args is [JArray a, JValue { Type: JTokenType.Integer } taken]:
                return new JArray(a.Take((int)Math.Clamp((long)taken!, 0, a.Count)).Select(t => t.DeepClone()));
            case "startswith" when args is [JValue { Type: JTokenType.String } s, JValue { Type: JTokenType.String } prefix]:
                return new JValue(((string)s!).StartsWith((string)prefix!, StringComparison.OrdinalIgnoreCase));
            case "endswith" when args is [JValue { Type: JTokenType.String } s, JValue { Type: JTokenType.String } suffix]:
                return new JValue(((string)s!).EndsWith((string)suffix!, StringComparison.OrdinalIgnoreCase));
            case "contains" when args.Count == 2:
                return args[0] switch
                {
                    JValue { Type: JTokenType.String } s when IsScalar(args[1]) => new JValue(((string)s!).Contains(ToText(args[1]), StringComparison.OrdinalIgnoreCase)),
                    JArray a => new JValue(a.Any(t => JToken.DeepEquals(t, args[1]))),
                    JObject o when IsString(args[1]) => new JValue(o.GetValue((string)args[1]!, StringComparison.OrdinalIgnoreCase) is not null),
                    _ => null,
                };
            case "first" when args.Count == 1:
                return args[0] is JArray { Count: > 0 } fa ? fa[0].DeepClone() : args[0] is JValue { Type: JTokenType.String } fs && ((string)fs!).Length > 0 ? new JValue(((string)fs!)[..1]) : null;
            case "last" when args.Count == 1:
                return args[0] is JArray { Count: > 0 } la ? la[la.Count - 1].DeepClone() : null;
            case "split" when args is [JValue { Type: JTokenType.String } s, JValue { Type: JTokenType.String } d] && ((string)d!).Length > 0:
                return new JArray(((string)s!).Split((string)d!).Select(p => new JValue(p)));
            case "join" when args is [JArray a, JValue { Type: JTokenType.String } d] && a.All(IsScalar):
                return new JValue(string.Join((string)d!, a.Select(ToText)));
            case "bool" when args is [JValue v]:
                return v.Type == JTokenType.Boolean ? v : v.Type == JTokenType.String && bool.TryParse((string)v!, out var b2) ? new JValue(b2) : null;
            case "int" when args is [JValue v]:
                return v.Type == JTokenType.Integer ? v : v.Type == JTokenType.String && long.TryParse((string)v!, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? new JValue(n) : null;
            case "json" when args is [JValue { Type: JTokenType.String } s]:
                try { return JToken.Parse((string)s!); }
                catch (Newtonsoft.Json.JsonException) { return null; }
            default:
                return null;
        }
    }

    private static bool IsString(JToken token) => token.Type == JTokenType.String;

    private static bool IsScalar(JToken token) => token is JValue;

    private static string ToText(JToken token) => token switch
    {
        JValue { Type: JTokenType.Boolean } b => (bool)b! ? "True" : "False",
        JValue { Type: JTokenType.Null } => string.Empty,
        JValue v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static JToken? Format(string format, IReadOnlyList<JToken> args)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { builder.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { builder.Append('}'); i++; continue; }
            if (c != '{') { builder.Append(c); continue; }
            var end = format.IndexOf('}', i);
            if (end < 0)
                return null;
            var spec = format.Substring(i + 1, end - i - 1);
            var colon = spec.IndexOf(':');
            var indexText = colon < 0 ? spec : spec[..colon];
            if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= args.Count || !IsScalar(args[index]))
                return null;
            builder.Append(ToText(args[index]));
            i = end;
        }
        return new JValue(builder.ToString());
    }
}
