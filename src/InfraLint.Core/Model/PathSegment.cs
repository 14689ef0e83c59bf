using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>One step of a path into template JSON: a property name or an array index.</summary>
internal abstract record PathSegment
{
    public sealed record Property(string Name) : PathSegment;

    public sealed record Index(int Value) : PathSegment;

    /// <summary>
    /// The argument of the expression that assembled the value (<c>if(c, a, b)</c>: 1 or 2); only a source below an
    /// expression has it, so that a source map can follow the branch the value comes from.
    /// </summary>
    public sealed record Argument(int Value) : PathSegment;

    /// <summary>
    /// The array that <c>flatten()</c> joins at this position: Bicep writes <c>flatten([a, [ … ]])</c> and an array with
    /// spreads (<c>[...a, x, y]</c>, one part per spread and per run of items) alike as <c>flatten(createArray(…))</c>.
    /// </summary>
    public sealed record Part(int Value) : PathSegment;

    /// <summary>The steps from the document root down to <paramref name="token"/>.</summary>
    public static IReadOnlyList<PathSegment> From(JToken token)
    {
        var segments = new List<PathSegment>();
        for (var current = token; current.Parent is not null; current = current.Parent)
        {
            switch (current.Parent)
            {
                case JProperty property:
                    segments.Add(new Property(property.Name));
                    current = property; // the loop steps on to the owning object
                    break;
                case JArray array:
                    segments.Add(new Index(array.IndexOf(current)));
                    break;
            }
            if (current.Parent is null)
                break;
        }
        if (token is JProperty self)
            segments.Insert(0, new Property(self.Name));
        segments.Reverse();
        return segments;
    }
}
