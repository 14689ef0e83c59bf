using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>
/// Marks JSON that InfraLint assembled (from <c>concat()</c>, <c>union()</c>, spreads, <c>createObject()</c> …)
/// with the template token it came from, so findings on it point at real source.
/// </summary>
internal sealed class Origin(JToken source, IReadOnlyList<PathSegment>? below = null, bool replacesIndex = false)
{
    private const int MaxHops = 32;

    public JToken Source { get; } = source;

    /// <summary>
    /// Steps below <see cref="Source"/> to the marked token that only the source text has: an item of an array written
    /// inside an expression (<c>[length(createArray(…))]</c> of a loop over <c>[ … ]</c>) is that array's element.
    /// </summary>
    public IReadOnlyList<PathSegment> Below { get; } = below ?? [];

    /// <summary>
    /// An element of arrays an expression joined (<c>concat(a, [ … ])</c>, <c>flatten(…)</c>, array spreads): its index in
    /// the joined array is nowhere in the text, so <see cref="Below"/> (the part it comes from and its index there)
    /// stands in place of that index.
    /// </summary>
    public bool ReplacesIndex { get; } = replacesIndex;

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
            var markedSteps = 0;
            for (var current = token; current is not null; current = current.Parent)
            {
                if (current.Annotation<Origin>() is { } found)
                {
                    // JSON one expression assembled marks each container it built with that expression: the outermost
                    // one is followed, so the steps inside it (an element's index, the branch it came from) are kept.
                    if (marked is not null && !ReferenceEquals(found.Source, marked.Annotation<Origin>()!.Source))
                        break;
                    (marked, markedSteps) = (current, steps.Count);
                }
                steps.Add(current);
            }
            if (marked is null)
                return (token, remainder);
            steps.RemoveRange(markedSteps, steps.Count - markedSteps);
            var origin = marked.Annotation<Origin>()!;
            // An expression's text has no JSON below it: the steps, with the branch or part each assembled container came
            // from, are what its source map follows.
            var (source, below) = origin.Below.Count > 0 || origin.Source is JValue
                ? (origin.Source, origin.Below.Concat(Segments(marked, Enumerable.Reverse(steps), origin.Source)).ToList())
                : Follow(origin.Source, marked, steps);
            // Steps an earlier hop could not follow stay below what this one found.
            (token, remainder) = (source, remainder.Count == 0 ? below : below.Concat(remainder).ToList());
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

    private static List<PathSegment> Segments(JToken parent, IEnumerable<JToken> steps, JToken? assembledBy = null)
    {
        var segments = new List<PathSegment>();
        foreach (var step in steps)
        {
            switch (parent, step)
            {
                case (JObject, JProperty p):
                    segments.Add(new PathSegment.Property(p.Name));
                    break;
                case (JArray, _) when assembledBy is not null && step.Annotation<Origin>() is { ReplacesIndex: true } joined &&
                                       ReferenceEquals(joined.Source, assembledBy):
                    segments.AddRange(joined.Below);
                    parent = step;
                    continue;
                case (JArray a, _):
                    segments.Add(new PathSegment.Index(a.IndexOf(step)));
                    break;
            }
            if (assembledBy is not null && step.Annotation<Origin>() is { Below.Count: > 0 } inner && ReferenceEquals(inner.Source, assembledBy))
                segments.AddRange(inner.Below);
            parent = step;
        }
        return segments;
    }
}
