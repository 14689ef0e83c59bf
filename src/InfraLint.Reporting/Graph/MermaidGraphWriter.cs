using System.Globalization;
using System.Text;

namespace InfraLint.Reporting.Graph;

/// <summary>
/// A Mermaid flowchart (left to right) with one subgraph per environment: resources as boxes, stores as
/// cylinders, identities as stadiums, role assignments as hexagons, scopes as subroutines; findings as
/// <c>⚠ ID</c> in the label and a red border; edges that carry a finding or cross sandbox and production are thick and red.
/// </summary>
public static class MermaidGraphWriter
{
    public static string Write(TrustGraph graph) => Write(graph, null);

    /// <summary>
    /// The flowchart of <c>graph --base</c>: classes <c>added</c> (green), <c>removed</c> (grey, dashed, struck through) and
    /// <c>widened</c> (red) on nodes, the same colours on edges by <c>linkStyle</c>; a changed grant says what it was.
    /// </summary>
    public static string Write(ChangedTrustGraph changed) => Write(changed.Graph, changed);

    // Without changes, every line below writes what it always did: a graph without --base is the same bytes as before.
    private static string Write(TrustGraph graph, ChangedTrustGraph? changes)
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        foreach (var environment in TrustGraph.EnvironmentOrder)
        {
            var (fill, stroke) = GraphText.Colours(environment);
            text.Append(CultureInfo.InvariantCulture, $"  classDef {environment} fill:{fill},stroke:{stroke},color:#1b1b1b\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"  classDef finding stroke:{GraphText.FindingColour},stroke-width:3px\n");
        if (changes is not null)
        {
            foreach (var change in Marked)
                text.Append(CultureInfo.InvariantCulture, $"  classDef {ChangedTrustGraph.ClassOf(change)} {Style(change, node: true)}\n");
        }
        var ids = GraphText.ShortIds(graph);
        foreach (var environment in graph.Environments)
        {
            text.Append(CultureInfo.InvariantCulture, $"  subgraph env_{environment}[\"{GraphText.Title(environment)}\"]\n");
            foreach (var node in graph.Nodes.Where(n => n.Environment == environment))
                text.Append(CultureInfo.InvariantCulture, $"    {ids[node.Id]}{Shape(node, changes?.Of(node))}:::{environment}\n");
            text.Append("  end\n");
        }
        var highlighted = new List<int>();
        var changedEdges = Marked.ToDictionary(c => c, _ => new List<int>());
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            var mark = changes?.Of(edge) ?? GraphMark.None;
            var label = GraphText.EdgeLabel(edge);
            if (edge.Findings.Count > 0)
                label += " " + GraphText.Badges(edge.Findings);
            if (mark.Previous is { } previous)
                label += " · " + previous;
            if (mark.Change == GraphChange.Removed)
                label += " (removed)";
            var strong = mark.Change != GraphChange.Removed && (edge.Findings.Count > 0 || edge.CrossesEnvironments || mark.Change != GraphChange.Unchanged);
            var arrow = strong ? "==>" : edge.Kind == GraphEdgeKind.References || mark.Change == GraphChange.Removed ? "-.->" : "-->";
            text.Append(CultureInfo.InvariantCulture, $"  {ids[edge.From]} {arrow}|\"{Escape(label)}\"| {ids[edge.To]}\n");
            // One linkStyle per edge: a changed edge takes its change's colour instead of the finding red.
            if (mark.Change != GraphChange.Unchanged)
                changedEdges[mark.Change].Add(i);
            else if (strong)
                highlighted.Add(i);
        }
        var marked = graph.Nodes.Where(n => n.Findings.Count > 0).Select(n => ids[n.Id]).ToList();
        if (marked.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(",", marked)} finding\n");
        if (highlighted.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"  linkStyle {string.Join(",", highlighted)} stroke:{GraphText.FindingColour},stroke-width:3px\n");
        if (changes is not null)
        {
            foreach (var change in Marked)
            {
                var changed = graph.Nodes.Where(n => changes.Of(n).Change == change).Select(n => ids[n.Id]).ToList();
                if (changed.Count > 0)
                    text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(",", changed)} {ChangedTrustGraph.ClassOf(change)}\n");
            }
            foreach (var change in Marked.Where(c => changedEdges[c].Count > 0))
                text.Append(CultureInfo.InvariantCulture, $"  linkStyle {string.Join(",", changedEdges[change])} {Style(change, node: false)}\n");
        }
        return text.ToString();
    }

    private static readonly GraphChange[] Marked = [GraphChange.Added, GraphChange.Removed, GraphChange.Widened, GraphChange.Narrowed];

    private static string Style(GraphChange change, bool node) => change switch
    {
        GraphChange.Added => node ? $"fill:{GraphText.AddedFill},stroke:{GraphText.AddedColour},stroke-width:3px" : $"stroke:{GraphText.AddedColour},stroke-width:3px",
        GraphChange.Removed => node ? $"fill:{GraphText.RemovedFill},stroke:{GraphText.RemovedColour},color:{GraphText.RemovedColour},stroke-dasharray:5 3"
            : $"stroke:{GraphText.RemovedColour},stroke-dasharray:5 3",
        GraphChange.Narrowed => $"stroke:{GraphText.NarrowedColour},stroke-width:3px",
        _ => $"stroke:{GraphText.FindingColour},stroke-width:{(node ? 4 : 3)}px",
    };

    private static string Shape(GraphNode node, GraphMark? mark)
    {
        var label = Escape(node.Label) + "<br/>" + Escape(node.Detail);
        if (node.Findings.Count > 0)
            label += "<br/>" + Escape(GraphText.Badges(node.Findings));
        // Struck through where Mermaid keeps HTML labels, and said in words where it does not.
        if (mark?.Change == GraphChange.Removed)
            label = "<s>" + label + "</s><br/>(removed)";
        if (mark?.Previous is { } previous)
            label += "<br/>" + Escape(previous);
        return node.Kind switch
        {
            GraphNodeKind.Identity => $"([\"{label}\"])",
            GraphNodeKind.RoleAssignment => $"{{{{\"{label}\"}}}}",
            GraphNodeKind.Scope => $"[[\"{label}\"]]",
            _ when node.Column == 3 => $"[(\"{label}\")]",
            _ => $"[\"{label}\"]",
        };
    }

    private static string Escape(string text) => Output.OutputText.Mermaid(text);
}
