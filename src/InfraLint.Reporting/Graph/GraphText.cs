namespace InfraLint.Reporting.Graph;

/// <summary>Wording the text formats share, so Mermaid, DOT and HTML say the same thing.</summary>
internal static class GraphText
{
    /// <summary>Node ids the text formats can use (<c>n0</c>, <c>n1</c> … in node order).</summary>
    public static IReadOnlyDictionary<string, string> ShortIds(TrustGraph graph) =>
        graph.Nodes.Select((n, i) => (n.Id, Short: "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(p => p.Id, p => p.Short, StringComparer.Ordinal);

    public static string EdgeLabel(GraphEdge edge) => edge.Kind switch
    {
        GraphEdgeKind.AttachedTo => "runs as",
        GraphEdgeKind.Holds => "holds",
        GraphEdgeKind.GrantedOn => "on",
        _ => edge.Label,
    };

    /// <summary><c>⚠ INFRA3001 INFRA4001</c>, or empty.</summary>
    public static string Badges(IReadOnlyList<GraphFinding> findings) =>
        findings.Count == 0 ? string.Empty : "⚠ " + string.Join(" ", findings.Select(f => f.Id).Distinct());

    /// <summary>Short names for the environments' subgraphs and the colours every format uses.</summary>
    public static (string Fill, string Stroke) Colours(string environment) => environment switch
    {
        "production" => ("#fde8e6", "#c62828"),
        "sandbox" => ("#e5f1fc", "#1565c0"),
        _ => ("#f1f1f1", "#6b6b6b"),
    };

    public const string FindingColour = "#d32f2f";

    // graph --base: added green, removed grey, narrowed teal; widened is the finding red.
    public const string AddedColour = "#2e7d32";
    public const string AddedFill = "#e6f4ea";
    public const string RemovedColour = "#9e9e9e";
    public const string RemovedFill = "#f5f5f5";
    public const string NarrowedColour = "#00897b";

    public static string Title(string environment) => environment switch
    {
        "production" => "production",
        "sandbox" => "sandbox",
        _ => "unknown environment",
    };
}
