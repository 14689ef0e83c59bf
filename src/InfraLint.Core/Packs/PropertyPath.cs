using System.Globalization;
using System.Text;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Packs;

/// <summary>
/// A path into a resource's JSON as a declarative rule writes it: <c>sku.name</c>, <c>tags.costCenter</c>,
/// <c>properties.siteConfig.appSettings[*].name</c>, <c>properties.ipRules[0]</c>. Names are compared
/// case-insensitively, as ARM does. Values built in variables or from parameters with known values are
/// followed; a step InfraLint cannot evaluate makes the value unknown.
/// </summary>
internal sealed class PropertyPath
{
    private const int Wildcard = -1;

    // A name, or an array index (Wildcard for [*]).
    private readonly IReadOnlyList<(string? Name, int Index)> segments;

    private PropertyPath(string text, IReadOnlyList<(string? Name, int Index)> segments)
    {
        Text = text;
        this.segments = segments;
    }

    public string Text { get; }

    public static PropertyPath? TryParse(string text, out string? error)
    {
        var segments = new List<(string?, int)>();
        var i = 0;
        error = null;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                var inside = close < 0 ? "" : text[(i + 1)..close];
                if (inside == "*")
                    segments.Add((null, Wildcard));
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    segments.Add((null, index));
                else
                    return Fail($"'[{inside}' is not an array step; write [*] or [0]", out error);
                i = close + 1;
                if (i < text.Length && text[i] == '.')
                    i++;
                continue;
            }
            var end = text.IndexOfAny(['.', '['], i);
            var name = end < 0 ? text[i..] : text[i..end];
            if (name.Length == 0 || name.Contains(']'))
                return Fail("a step of the path is empty", out error);
            segments.Add((name, 0));
            i = end < 0 ? text.Length : end;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                if (i == text.Length)
                    return Fail("the path ends with '.'", out error);
            }
        }
        return segments.Count == 0 ? Fail("the path is empty", out error) : new PropertyPath(text, segments);
    }

    private static PropertyPath? Fail(string reason, out string? error)
    {
        error = reason;
        return null;
    }

    /// <summary>Names of the path's steps, for deciding whether the value is secret-shaped.</summary>
    public IEnumerable<string> Names => segments.Where(s => s.Name is not null).Select(s => s.Name!);

    /// <summary>Every value the path reaches from <paramref name="resource"/>'s JSON (several through <c>[*]</c>).</summary>
    public IEnumerable<PathHit> Select(TemplateModel template, ResourceModel resource) =>
        Walk(template, resource.Body, null, 0, new StringBuilder());

    // fixedAnchor: set once the walk is inside JSON an expression built, which has no source of its own.
    private IEnumerable<PathHit> Walk(TemplateModel template, JToken token, JToken? fixedAnchor, int step, StringBuilder walked)
    {
        if (step == segments.Count)
        {
            yield return PathHit.Present(walked.ToString(), token, fixedAnchor ?? AnchorOf(token));
            yield break;
        }
        var (container, evaluated, known) = Expand(template, token);
        if (!known)
        {
            yield return PathHit.Unknown(Describe(walked, step));
            yield break;
        }
        var anchor = fixedAnchor ?? (evaluated ? AnchorOf(token) : null);
        var (name, index) = segments[step];
        var length = walked.Length;
        if (name is not null)
        {
            if (container is JObject obj && obj.Property(name, StringComparison.OrdinalIgnoreCase) is { Value.Type: not JTokenType.Null } property)
            {
                walked.Append(walked.Length == 0 ? "" : ".").Append(property.Name);
                foreach (var hit in Walk(template, property.Value, anchor, step + 1, walked))
                    yield return hit;
                walked.Length = length;
            }
            else
            {
                yield return PathHit.Missing(Describe(walked, step));
            }
            yield break;
        }
        if (container is not JArray array || (index != Wildcard && index >= array.Count))
        {
            yield return PathHit.Missing(Describe(walked, step));
            yield break;
        }
        for (var i = 0; i < array.Count; i++)
        {
            if (index != Wildcard && i != index)
                continue;
            walked.Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append(']');
            foreach (var hit in Walk(template, array[i], anchor, step + 1, walked))
                yield return hit;
            walked.Length = length;
        }
    }

    // A property's finding points at its key (as the built-in rules do); an array element at the element.
    private static JToken AnchorOf(JToken token) => token.Parent is JProperty property ? property : token;

    // A reference to a variable or a known parameter stands for the template JSON it names; another expression
    // is evaluated, and what it builds has no source of its own.
    private static (JToken? Container, bool Evaluated, bool Known) Expand(TemplateModel template, JToken token)
    {
        var resolved = template.Resolve(token);
        if (resolved is not JValue { Type: JTokenType.String } text || !IsExpression((string)text!))
            return (resolved, false, true);
        var value = template.Evaluate(resolved);
        return value.IsKnown ? (value.Value, true, true) : (null, true, false);
    }

    private static bool IsExpression(string text) => text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith(']');

    // The path as written up to the step that could not be followed, with the concrete indexes walked so far.
    private string Describe(StringBuilder walked, int step)
    {
        var text = new StringBuilder(walked.ToString());
        foreach (var (name, index) in segments.Skip(step))
        {
            if (name is not null)
                text.Append(text.Length == 0 ? "" : ".").Append(name);
            else
                text.Append(index == Wildcard ? "[*]" : $"[{index.ToString(CultureInfo.InvariantCulture)}]");
        }
        return text.ToString();
    }
}
