using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>
/// Marks JSON that InfraLint assembled (from <c>concat()</c>, <c>union()</c>, spreads, <c>createObject()</c> …)
/// with the template token it came from, so findings on it point at real source.
/// </summary>
internal sealed class Origin(JToken source)
{
    private const int MaxHops = 32;

    public JToken Source { get; } = source;

    /// <summary>The template token <paramref name="token"/> stands for: itself, the same place in the
    /// variable it was copied from, or the property whose expression assembled it.</summary>
    public static JToken SourceOf(JToken token) => Trace(token).Source;

    /// <summary>
    /// Like <see cref="SourceOf"/>, plus the steps below the source that the template JSON does not
    /// have (an object spread's own keys): a Bicep source map can still find them in the Bicep text.
    /// </summary>
    public static (JToken Source, IReadOnlyList<PathSegment> Remainder) Trace(JToken token)
    {
        IReadOnlyList<PathSegment> remainder = [];
        for (var hops = 0; hops < MaxHops; hops++)
        {
            var steps = new List<JToken>();
            JToken? marked = null;
            for (var current = token; current is not null; current = current.Parent)
            {
                if (current.Annotation<Origin>() is not null)
                {
                    marked = current;
                    break;
                }
                steps.Add(current);
            }
            if (marked is null)
                return (token, remainder);
            (token, remainder) = Follow(marked.Annotation<Origin>()!.Source, marked, steps);
        }
        return (token, remainder);
    }

    // Walks from the origin the same way as from the marked copy down to the token; stops where the
    // origin has no such place (an expression that assembled the rest).
    private static (JToken Target, IReadOnlyList<PathSegment> Remainder) Follow(JToken origin, JToken marked, List<JToken> steps)
    {
        var target = origin;
        var copy = marked;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var step = steps[i];
            JToken? next = (copy, target, step) switch
            {
                (JObject, JObject o, JProperty p) => o.Property(p.Name, StringComparison.OrdinalIgnoreCase),
                (JProperty, JProperty, _) => ((JProperty)target).Value,
                (JArray a, JArray o, _) when a.IndexOf(step) is var index && index >= 0 && index < o.Count => o[index],
                _ => null,
            };
            if (next is null)
                return (target, Segments(copy, steps.Take(i + 1).Reverse()));
            target = next;
            copy = step;
        }
        return (target, []);
    }

    private static List<PathSegment> Segments(JToken parent, IEnumerable<JToken> steps)
    {
        var segments = new List<PathSegment>();
        foreach (var step in steps)
        {
            switch (parent, step)
            {
                case (JObject, JProperty p):
                    segments.Add(new PathSegment.Property(p.Name));
                    break;
                case (JArray a, _):
                    segments.Add(new PathSegment.Index(a.IndexOf(step)));
                    break;
            }
            parent = step;
        }
        return segments;
    }
}
