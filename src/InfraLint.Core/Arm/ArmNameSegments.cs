using System.Globalization;
using System.Text.RegularExpressions;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>The segments of a resource name, which is often an expression (see <see cref="TemplateModel.NameSegments"/>).</summary>
internal static partial class ArmNameSegments
{
    public static IReadOnlyList<string>? Of(TemplateModel template, ResourceModel resource)
    {
        var own = OwnSegments(template, resource);
        if (own is null || resource.Body.Parent is not JArray { Parent: JProperty { Name: "resources", Parent: JObject parentBody } }
            || template.Resources.FirstOrDefault(r => ReferenceEquals(r.Body, parentBody)) is not { } parent)
            return own;
        return Of(template, parent) is { } above ? [.. above, .. own] : null;
    }

    private static IReadOnlyList<string>? OwnSegments(TemplateModel template, ResourceModel resource)
    {
        if (resource.Name is not JValue { Type: JTokenType.String } raw)
            return null;
        if (template.Evaluate(raw).AsString is { } known)
            return known.Split('/');
        var text = ((string)raw!).Trim();
        var written = ArmStrings.Read(text);
        if (!written.IsExpression)
            return written.Literal!.Split('/');
        var body = text[1..^1].Trim();
        var open = body.IndexOf('(');
        if (open < 0 || body[^1] != ')')
            return null;
        var function = body[..open].Trim();
        var args = TopLevelArguments(body[(open + 1)..^1]);
        // Unknown parts stand in as \0n\0 until the name is split, so a '/' inside them cannot split it.
        var parts = args.Select((a, i) => template.Evaluate(new JValue("[" + a + "]")).AsString ?? $"\0{i}\0").ToList();
        string joined;
        if (function.Equals("format", StringComparison.OrdinalIgnoreCase) && args.Count > 0 && parts[0] is var format && !format.StartsWith('\0'))
            joined = Placeholder().Replace(format, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1 is var n && n < parts.Count ? parts[n] : m.Value);
        else if (function.Equals("concat", StringComparison.OrdinalIgnoreCase))
            joined = string.Concat(parts);
        else
            return null;
        return joined.Split('/').Select(s => UnknownPart().Replace(s, m => args[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)].Trim())).ToList();
    }

    // Splits f(a, g(b, c), 'd,e') into its arguments: commas inside brackets and string literals do not count.
    // The text of an unknown argument is kept as written (it names the parent), which a parsed tree would not give back.
    private static List<string> TopLevelArguments(string text)
    {
        var args = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\'':
                    i = text.IndexOf('\'', i + 1) is var close && close < 0 ? text.Length : close;
                    break; // '' inside a literal is two literals back to back: no comma between them
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    args.Add(text[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }
        args.Add(text[start..].Trim());
        return args;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("\0(\\d+)\0")]
    private static partial Regex UnknownPart();
}
