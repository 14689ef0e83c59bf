namespace InfraLint.Reporting.Graph;

/// <summary>How a node or edge of <c>graph --base</c> differs from the base revision's trust graph.</summary>
public enum GraphChange
{
    /// <summary>In both revisions, and no widening change touches it.</summary>
    Unchanged,

    /// <summary>Only in the head (green).</summary>
    Added,

    /// <summary>Only in the base (grey, struck through, dashed).</summary>
    Removed,

    /// <summary>In both, and a widening change of the trust diff touches it (red).</summary>
    Widened,

    /// <summary>In both, and only changes that narrow trust touch it: a lower role or a smaller scope, a secret or a finding gone (teal).</summary>
    Narrowed,
}

/// <summary>The change of one node or edge.</summary>
/// <param name="Change">Added, removed, widened, narrowed or unchanged.</param>
/// <param name="Changes">The trust diff's changes that touch it, as <c>kind: message</c>, in the diff's order.</param>
/// <param name="Previous">For a changed grant: the base's role and scope (<c>was 'Reader' on resourceGroup 'rg-app'</c>).</param>
public sealed record GraphMark(GraphChange Change, IReadOnlyList<string> Changes, string? Previous)
{
    public static GraphMark None { get; } = new(GraphChange.Unchanged, [], null);
}

/// <summary>
/// The head's trust graph with the base's removed nodes and edges in it (their ids start with <c>base:</c>, and their
/// findings are left out: findings are the head's), each node and edge marked by how it changed.
/// </summary>
/// <param name="Base">The base revision as the user named it.</param>
public sealed record ChangedTrustGraph(string Base, TrustGraph Graph, IReadOnlyDictionary<string, GraphMark> Nodes,
    IReadOnlyDictionary<(string From, string To, GraphEdgeKind Kind), GraphMark> Edges)
{
    public GraphMark Of(GraphNode node) => Nodes.TryGetValue(node.Id, out var mark) ? mark : GraphMark.None;

    public GraphMark Of(GraphEdge edge) => Edges.TryGetValue((edge.From, edge.To, edge.Kind), out var mark) ? mark : GraphMark.None;

    /// <summary>How many nodes and edges are marked <paramref name="change"/>.</summary>
    public int Count(GraphChange change) => Nodes.Values.Count(m => m.Change == change) + Edges.Values.Count(m => m.Change == change);

    /// <summary>The CSS and Mermaid class of a change: <c>added</c>, <c>removed</c>, <c>widened</c>, <c>narrowed</c>; null when unchanged.</summary>
    public static string? ClassOf(GraphChange change) => change switch
    {
        GraphChange.Added => "added",
        GraphChange.Removed => "removed",
        GraphChange.Widened => "widened",
        GraphChange.Narrowed => "narrowed",
        _ => null,
    };
}
