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
    public static string Write(TrustGraph graph)
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        foreach (var environment in TrustGraph.EnvironmentOrder)
        {
            var (fill, stroke) = GraphText.Colours(environment);
            text.Append(CultureInfo.InvariantCulture, $"  classDef {environment} fill:{fill},stroke:{stroke},color:#1b1b1b\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"  classDef finding stroke:{GraphText.FindingColour},stroke-width:3px\n");
        var ids = GraphText.ShortIds(graph);
        foreach (var environment in graph.Environments)
        {
            text.Append(CultureInfo.InvariantCulture, $"  subgraph env_{environment}[\"{GraphText.Title(environment)}\"]\n");
            foreach (var node in graph.Nodes.Where(n => n.Environment == environment))
                text.Append(CultureInfo.InvariantCulture, $"    {ids[node.Id]}{Shape(node)}:::{environment}\n");
            text.Append("  end\n");
        }
        var highlighted = new List<int>();
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            var label = GraphText.EdgeLabel(edge);
            if (edge.Findings.Count > 0)
                label += " " + GraphText.Badges(edge.Findings);
            var strong = edge.Findings.Count > 0 || edge.CrossesEnvironments;
            var arrow = strong ? "==>" : edge.Kind == GraphEdgeKind.References ? "-.->" : "-->";
            text.Append(CultureInfo.InvariantCulture, $"  {ids[edge.From]} {arrow}|\"{Escape(label)}\"| {ids[edge.To]}\n");
            if (strong)
                highlighted.Add(i);
        }
        var marked = graph.Nodes.Where(n => n.Findings.Count > 0).Select(n => ids[n.Id]).ToList();
        if (marked.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(",", marked)} finding\n");
        if (highlighted.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"  linkStyle {string.Join(",", highlighted)} stroke:{GraphText.FindingColour},stroke-width:3px\n");
        return text.ToString();
    }

    private static string Shape(GraphNode node)
    {
        var label = Escape(node.Label) + "<br/>" + Escape(node.Detail);
        if (node.Findings.Count > 0)
            label += "<br/>" + Escape(GraphText.Badges(node.Findings));
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
