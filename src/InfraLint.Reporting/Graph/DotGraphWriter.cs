using System.Globalization;
using System.Text;

namespace InfraLint.Reporting.Graph;

/// <summary>Graphviz DOT: one cluster per environment, the shapes and colours of the other formats, help links as node URLs.</summary>
public static class DotGraphWriter
{
    public static string Write(TrustGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph trust {\n");
        text.Append("  rankdir=LR;\n  newrank=true;\n  node [fontname=\"Helvetica\", fontsize=11, style=\"filled\"];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
        var ids = GraphText.ShortIds(graph);
        foreach (var environment in graph.Environments)
        {
            var (fill, stroke) = GraphText.Colours(environment);
            text.Append(CultureInfo.InvariantCulture, $"  subgraph cluster_{environment} {{\n    label=\"{GraphText.Title(environment)}\";\n    color=\"{stroke}\";\n    style=\"rounded\";\n");
            foreach (var node in graph.Nodes.Where(n => n.Environment == environment))
            {
                var label = Lines(node.Label, node.Detail, GraphText.Badges(node.Findings));
                var attributes = new List<string>
                {
                    $"label=\"{label}\"",
                    $"shape={Shape(node)}",
                    $"fillcolor=\"{fill}\"",
                    $"color=\"{(node.Findings.Count > 0 ? GraphText.FindingColour : stroke)}\"",
                };
                if (node.Findings.Count > 0)
                {
                    attributes.Add("penwidth=3");
                    if (Output.OutputText.WebLink(node.Findings[0].HelpUri) is { } nodeLink)
                        attributes.Add($"URL=\"{Escape(nodeLink)}\"");
                    attributes.Add($"tooltip=\"{Lines(node.Findings.Select(f => f.Id + ": " + f.Message).ToArray())}\"");
                }
                text.Append(CultureInfo.InvariantCulture, $"    {ids[node.Id]} [{string.Join(", ", attributes)}];\n");
            }
            text.Append("  }\n");
        }
        foreach (var edge in graph.Edges)
        {
            var label = Lines(GraphText.EdgeLabel(edge), GraphText.Badges(edge.Findings));
            var attributes = new List<string> { $"label=\"{label}\"" };
            if (edge.Kind == GraphEdgeKind.References)
                attributes.Add("style=dashed");
            if (edge.Findings.Count > 0 || edge.CrossesEnvironments)
                attributes.Add($"color=\"{GraphText.FindingColour}\", penwidth=3");
            if (edge.Findings.Count > 0 && Output.OutputText.WebLink(edge.Findings[0].HelpUri) is { } edgeLink)
                attributes.Add($"URL=\"{Escape(edgeLink)}\"");
            text.Append(CultureInfo.InvariantCulture, $"  {ids[edge.From]} -> {ids[edge.To]} [{string.Join(", ", attributes)}];\n");
        }
        text.Append("}\n");
        return text.ToString();
    }

    private static string Shape(GraphNode node) => node.Kind switch
    {
        GraphNodeKind.Identity => "ellipse",
        GraphNodeKind.RoleAssignment => "hexagon",
        GraphNodeKind.Scope => "folder",
        _ when node.Column == 3 => "cylinder",
        _ => "box",
    };

    // One quoted DOT string of several lines; empty parts are left out.
    private static string Lines(params string[] parts) => string.Join("\\n", parts.Where(p => p.Length > 0).Select(Escape));

    private static string Escape(string text) => Output.OutputText.Dot(text);
}
