using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>
/// Property and variable loops (<c>[for …]</c>, ARM <c>copy</c>) reach rules as an array holding the loop
/// body once. How many items the loop makes is not known: it may make none.
/// </summary>
internal static class LoopItems
{
    /// <summary>True when <paramref name="item"/> is a loop body (it reads <c>copyIndex()</c>).</summary>
    public static bool IsLoopBody(JToken item) =>
        (item is JContainer container ? container.DescendantsAndSelf() : [item]).OfType<JValue>()
            .Any(v => v.Type == JTokenType.String && ((string)v!).Contains("copyIndex(", StringComparison.OrdinalIgnoreCase));
}
