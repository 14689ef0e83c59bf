using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>Reads what can be known of resource names, which are often expressions.</summary>
internal static partial class ResourceNames
{
    /// <summary>
    /// True when the last segment of the resource's name is <paramref name="segment"/>. A child
    /// name such as <c>format('{0}/appsettings', parameters('site'))</c> is only partly known; its
    /// literal parts still say which child it is.
    /// </summary>
    public static bool LastSegmentIs(TemplateModel template, ResourceModel resource, string segment)
    {
        var name = template.Evaluate(resource.Name);
        if (name.AsString is { } known)
            return known.Split('/')[^1].Equals(segment, StringComparison.OrdinalIgnoreCase);
        return name.Literals.Any(l => l.Equals(segment, StringComparison.OrdinalIgnoreCase)
            || l.EndsWith("/" + segment, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The segments of a child resource's name (<c>service/api/policy</c>), each its value when known, else the
    /// expression that writes it (the same parameter names the same parent). Reads <c>format('{0}/{1}', …)</c>
    /// and <c>concat(…, '/', …)</c>, which Bicep and hand-written ARM JSON use; null for other names. A child
    /// nested in its parent's <c>resources</c> array (ARM JSON) names only itself: the parent's segments come first.
    /// </summary>
    public static IReadOnlyList<string>? Segments(TemplateModel template, ResourceModel resource)
    {
        var own = OwnSegments(template, resource);
        if (own is null || resource.Body.Parent is not JArray { Parent: JProperty { Name: "resources", Parent: JObject parentBody } }
            || template.Resources.FirstOrDefault(r => ReferenceEquals(r.Body, parentBody)) is not { } parent)
            return own;
        return Segments(template, parent) is { } above ? [.. above, .. own] : null;
    }

    private static IReadOnlyList<string>? OwnSegments(TemplateModel template, ResourceModel resource)
    {
        if (resource.Name is not JValue { Type: JTokenType.String } raw)
            return null;
        if (template.Evaluate(raw).AsString is { } known)
            return known.Split('/');
        var text = ((string)raw!).Trim();
        if (!ExpressionLiterals.IsExpression(text))
            return ExpressionLiterals.Unescape(text).Split('/');
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
            joined = Placeholder().Replace(format, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 is var n && n < parts.Count ? parts[n] : m.Value);
        else if (function.Equals("concat", StringComparison.OrdinalIgnoreCase))
            joined = string.Concat(parts);
        else
            return null;
        return joined.Split('/').Select(s => UnknownPart().Replace(s, m => args[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Trim())).ToList();
    }

    // Splits f(a, g(b, c), 'd,e') into its arguments: commas inside brackets and string literals do not count.
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

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\d+)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    [System.Text.RegularExpressions.GeneratedRegex("\0(\\d+)\0")]
    private static partial System.Text.RegularExpressions.Regex UnknownPart();
}
