using InfraLint.Reporting.Graph;

namespace InfraLint.Reporting.Diff;

/// <summary>
/// <c>graph --base</c>: the head's trust graph marked with what the trust diff of the same two revisions found. Nodes and
/// edges are matched by <see cref="DiffKeys"/> (type and evaluated name, principal, role, scope), never by symbolic name or
/// line; a grant the diff pairs (<c>grantWidened</c>, <c>grantNarrowed</c>) is one changed role assignment, not one removed
/// and one added. Added: only in the head; removed: only in the base; widened: in both and touched by a widening change;
/// narrowed: in both and touched only by narrowing ones (a neutral change, an identity added or removed, marks nothing).
/// </summary>
public static class TrustGraphComparison
{
    private const string RemovedPrefix = "base:";

    public static ChangedTrustGraph Compare(TrustGraph before, TrustGraph after, TrustDiff diff)
    {
        var headKeys = NodeKeys(after);
        var baseKeys = NodeKeys(before);
        var paired = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in diff.Changes.Where(c => c.PreviousKey is not null))
            paired.TryAdd(change.PreviousKey!, change.Touches[0]);
        string Mapped(string key) => paired.TryGetValue(key, out var head) ? head : key;

        // What each key is touched by, as indices into the diff's changes, so marks list them in the diff's order.
        var touching = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < diff.Changes.Count; i++)
        {
            foreach (var key in diff.Changes[i].Touches)
            {
                if (!touching.TryGetValue(key, out var list))
                    touching[key] = list = [];
                list.Add(i);
            }
        }
        var changes = diff.Changes;

        var headNodeKeys = headKeys.Values.ToHashSet(StringComparer.Ordinal);
        var baseNodeKeys = baseKeys.Values.Select(Mapped).ToHashSet(StringComparer.Ordinal);
        var headNodeOfKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in after.Nodes)
            headNodeOfKey.TryAdd(headKeys[node.Id], node.Id);
        string HeadEdgeKey(GraphEdge e) => DiffKeys.Edge(e.Kind, headKeys[e.From], headKeys[e.To]);
        string BaseEdgeKey(GraphEdge e) => DiffKeys.Edge(e.Kind, Mapped(baseKeys[e.From]), Mapped(baseKeys[e.To]));
        var headEdgeKeys = after.Edges.Select(HeadEdgeKey).ToHashSet(StringComparer.Ordinal);
        var baseEdgeKeys = before.Edges.Select(BaseEdgeKey).ToHashSet(StringComparer.Ordinal);

        var nodes = new List<GraphNode>(after.Nodes);
        var nodeMarks = new Dictionary<string, GraphMark>(StringComparer.Ordinal);
        foreach (var node in after.Nodes)
        {
            var key = headKeys[node.Id];
            nodeMarks[node.Id] = Mark(!baseNodeKeys.Contains(key), Touching([key, .. node.Findings.Select(DiffKeys.Finding)], touching, changes), key);
        }
        foreach (var node in before.Nodes.Where(n => !headNodeKeys.Contains(Mapped(baseKeys[n.Id]))))
        {
            var removed = node with { Id = RemovedPrefix + node.Id, Findings = [] };
            nodes.Add(removed);
            nodeMarks[removed.Id] = Removed(Touching([baseKeys[node.Id]], touching, changes));
        }

        var edges = new List<GraphEdge>(after.Edges);
        var edgeMarks = new Dictionary<(string, string, GraphEdgeKind), GraphMark>();
        foreach (var edge in after.Edges)
        {
            var key = HeadEdgeKey(edge);
            edgeMarks[(edge.From, edge.To, edge.Kind)] = Mark(!baseEdgeKeys.Contains(key), Touching([key, .. edge.Findings.Select(DiffKeys.Finding)], touching, changes), headKeys[edge.To]);
        }
        foreach (var edge in before.Edges.Where(e => !headEdgeKeys.Contains(BaseEdgeKey(e))))
        {
            // An end that is still there is the head's node; one that is gone is the base's, drawn as removed.
            string End(string id) => headNodeOfKey.TryGetValue(Mapped(baseKeys[id]), out var head) ? head : RemovedPrefix + id;
            var removed = edge with { From = End(edge.From), To = End(edge.To), Findings = [] };
            // The base may hold the same grant twice (two files, two deployments): between the head's nodes it is one edge.
            if (edgeMarks.ContainsKey((removed.From, removed.To, removed.Kind)))
                continue;
            edges.Add(removed);
            edgeMarks[(removed.From, removed.To, removed.Kind)] =
                Removed(Touching([DiffKeys.Edge(edge.Kind, baseKeys[edge.From], baseKeys[edge.To]), BaseEdgeKey(edge)], touching, changes));
        }

        // The builder's order, so the picture of the same two revisions is the same bytes.
        var environments = TrustGraph.EnvironmentOrder.ToList();
        var sortedNodes = nodes.OrderBy(n => n.Column).ThenBy(n => environments.IndexOf(n.Environment))
            .ThenBy(n => n.Label, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var sortedEdges = edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Kind).ToList();
        return new ChangedTrustGraph(diff.Base, new TrustGraph(sortedNodes, sortedEdges), nodeMarks, edgeMarks);
    }

    /// <summary>Each node's key: its graph id, or for a role assignment its grant (principal, role, scope), as the diff keys grants.</summary>
    private static Dictionary<string, string> NodeKeys(TrustGraph graph)
    {
        var keys = graph.Nodes.ToDictionary(n => n.Id, n => DiffKeys.Node(n.Id), StringComparer.Ordinal);
        foreach (var (assignment, grant) in TrustSnapshot.GrantsOf(graph))
            keys[assignment.Id] = DiffKeys.Grant(grant.Key);
        return keys;
    }

    // 'grantKey' names the assignment a changed grant's previous role and scope belong to (for an edge, its target).
    private static GraphMark Mark(bool added, IReadOnlyList<TrustChange> changes, string grantKey)
    {
        var change = added ? GraphChange.Added
            : changes.Any(c => c.Widening) ? GraphChange.Widened
            : changes.Any(c => c.Group == TrustDiff.Narrowing) ? GraphChange.Narrowed
            : GraphChange.Unchanged;
        var previous = changes.FirstOrDefault(c => c.Previous is not null && c.Touches[0] == grantKey)?.Previous is { } p
            ? $"was '{p.Role}' on {p.ScopeLevel ?? "scope"} '{p.Scope}'"
            : null;
        return new GraphMark(change, changes.Select(Describe).ToList(), previous);
    }

    private static GraphMark Removed(IReadOnlyList<TrustChange> changes) => new(GraphChange.Removed, changes.Select(Describe).ToList(), null);

    private static List<TrustChange> Touching(IEnumerable<string> keys, Dictionary<string, List<int>> touching, IReadOnlyList<TrustChange> changes) =>
        keys.SelectMany(k => touching.TryGetValue(k, out var list) ? list : []).Distinct().Order().Select(i => changes[i]).ToList();

    private static string Describe(TrustChange change) => $"{change.Kind}: {change.Message}";
}
