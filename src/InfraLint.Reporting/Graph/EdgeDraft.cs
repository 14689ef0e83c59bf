using InfraLint.Sdk;

namespace InfraLint.Reporting.Graph;

/// <summary>An edge while the graph is collected: the settings of one reference may be found in several deployments.</summary>
internal sealed class EdgeDraft(string from, string to, GraphEdgeKind kind)
{
    public string From { get; } = from;
    public string To { get; } = to;
    public GraphEdgeKind Kind { get; } = kind;
    public SortedSet<string> Labels { get; } = new(StringComparer.Ordinal);
    public HashSet<GraphFinding> Findings { get; } = new();
    public SortedSet<(string File, int Line)> Locations { get; } = new();

    public GraphEdge Freeze(IReadOnlyDictionary<string, NodeDraft> nodes)
    {
        var ends = new[] { nodes[From].Environment.Kind, nodes[To].Environment.Kind };
        var crosses = ends.Contains(EnvironmentKind.Sandbox) && ends.Contains(EnvironmentKind.Production);
        return new GraphEdge(From, To, Kind, string.Join(", ", Labels), crosses, Findings.Order(GraphFinding.Comparer).ToList())
        {
            Settings = Labels.ToList(),
            Locations = Locations.Select(l => new GraphLocation(l.File, l.Line)).ToList(),
        };
    }
}
