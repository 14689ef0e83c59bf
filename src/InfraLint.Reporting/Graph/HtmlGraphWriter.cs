using System.Globalization;
using System.Reflection;
using System.Text;
using InfraLint.Reporting.Output;

namespace InfraLint.Reporting.Graph;

/// <summary>
/// One self-contained HTML page: the layered SVG drawn here, with its style and a small script inlined (environment
/// filters, search, click to follow a node's paths). Nothing is fetched: the only URLs are the findings' help links.
/// </summary>
public static class HtmlGraphWriter
{
    private const int LabelChars = 32;
    private const int DetailChars = 44;

    public static string Write(TrustGraph graph) => Write(graph, null);

    /// <summary>The picture of <c>graph --base</c>: added green, removed grey and struck through, widened red, narrowed teal, with a legend.</summary>
    public static string Write(ChangedTrustGraph changed) => Write(changed.Graph, changed);

    // Without changes, every line below writes what it always did: a graph without --base is the same bytes as before.
    private static string Write(TrustGraph graph, ChangedTrustGraph? changes)
    {
        var layout = GraphLayout.Of(graph);
        var ids = GraphText.ShortIds(graph);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>InfraLint trust graph</title>\n<style>\n").Append(Resource("trust-graph.css")).Append(changes is null ? "" : Resource("trust-graph-diff.css")).Append("</style>\n</head>\n<body>\n");
        Header(html, graph, changes);
        html.Append("<main>\n<div id=\"canvas\">\n");
        Svg(html, graph, layout, ids, changes);
        html.Append("</div>\n");
        FindingList(html, graph, ids);
        html.Append("</main>\n<script>\n").Append(Resource("trust-graph.js")).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, TrustGraph graph, ChangedTrustGraph? changes)
    {
        // The counts are the head's: what a change removed is drawn, but no longer there.
        var nodes = graph.Nodes.Where(n => changes?.Of(n).Change != GraphChange.Removed).ToList();
        var identities = nodes.Count(n => n.Kind == GraphNodeKind.Identity);
        var assignments = nodes.Count(n => n.Kind == GraphNodeKind.RoleAssignment);
        var crossing = graph.Edges.Count(e => e.CrossesEnvironments && changes?.Of(e).Change != GraphChange.Removed);
        html.Append("<header>\n<h1>Trust graph</h1>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"summary\">{identities} identities, {assignments} role assignments, {graph.Findings.Count} findings on the graph, {crossing} sandbox–production link(s)</p>\n");
        if (changes is not null)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"summary diff\">Compared with {Escape(changes.Base)}: {changes.Count(GraphChange.Added)} added, {changes.Count(GraphChange.Removed)} removed, {changes.Count(GraphChange.Widened)} widened, {changes.Count(GraphChange.Narrowed)} narrowed (nodes and edges)</p>\n");
        }
        html.Append("<div class=\"controls\">\n<input id=\"search\" type=\"search\" placeholder=\"Search names, roles, rule ids…\" aria-label=\"Search\">\n");
        foreach (var environment in graph.Environments)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<label class=\"filter env-{environment}\"><input type=\"checkbox\" data-env=\"{environment}\" checked> {Escape(GraphText.Title(environment))}</label>\n");
        }
        html.Append("<span class=\"zoom\"><button type=\"button\" data-zoom=\"-1\" aria-label=\"Zoom out\">−</button><button type=\"button\" data-zoom=\"0\">100%</button><button type=\"button\" data-zoom=\"1\" aria-label=\"Zoom in\">+</button></span>\n");
        html.Append("</div>\n");
        Legend(html, changes);
        html.Append("</header>\n");
    }

    private static void Legend(StringBuilder html, ChangedTrustGraph? changes)
    {
        html.Append("<ul class=\"legend\">\n");
        foreach (var environment in TrustGraph.EnvironmentOrder)
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch env-{environment}\"></span>{Escape(GraphText.Title(environment))}</li>\n");
        html.Append("<li><span class=\"shape kind-resource\"></span>resource</li>\n<li><span class=\"shape kind-identity\"></span>identity</li>\n");
        html.Append("<li><span class=\"shape kind-roleAssignment\"></span>role assignment</li>\n<li><span class=\"shape kind-scope\"></span>resource group / subscription</li>\n");
        html.Append("<li><span class=\"line solid\"></span>runs as · holds · on</li>\n<li><span class=\"line dashed\"></span>setting references</li>\n");
        html.Append("<li><span class=\"line alert\"></span>finding, or sandbox ↔ production</li>\n<li><span class=\"badge-sample\">INFRA3001</span>finding (links to its docs)</li>\n");
        if (changes is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch diff-added\"></span>added since {Escape(changes.Base)}</li>\n");
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch diff-removed\"></span><s>removed since {Escape(changes.Base)}</s></li>\n");
            html.Append("<li><span class=\"swatch diff-widened\"></span>widened (a changed grant shows what it was)</li>\n");
            html.Append("<li><span class=\"swatch diff-narrowed\"></span>narrowed (a lower role, a smaller scope, a secret or finding gone)</li>\n");
        }
        html.Append("</ul>\n");
    }

    private static void Svg(StringBuilder html, TrustGraph graph, GraphLayout layout, IReadOnlyDictionary<string, string> ids, ChangedTrustGraph? changes)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"graph\" width=\"{layout.Width}\" height=\"{layout.Height}\" viewBox=\"0 0 {layout.Width} {layout.Height}\" role=\"img\" aria-label=\"Trust graph\">\n");
        html.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker>");
        html.Append("<marker id=\"arrow-alert\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead alert\"/></marker>");
        if (changes is not null)
        {
            foreach (var change in new[] { "added", "removed" })
                html.Append(CultureInfo.InvariantCulture, $"<marker id=\"arrow-{change}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead {change}\"/></marker>");
        }
        html.Append("</defs>\n");
        for (var column = 0; column < GraphLayout.Columns; column++)
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"column-title\" x=\"{GraphLayout.ColumnX(column)}\" y=\"32\">{Escape(GraphLayout.ColumnTitles[column])}</text>\n");
        foreach (var (environment, y, height) in layout.Bands)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"band env-{environment}\" data-env=\"{environment}\"><rect x=\"8\" y=\"{y}\" width=\"{layout.Width - 16}\" height=\"{height}\" rx=\"10\"/><text x=\"20\" y=\"{y + 20}\">{Escape(GraphText.Title(environment))}</text></g>\n");
        }
        html.Append("<g id=\"edges\">\n");
        Edges(html, graph, layout, ids, changes, alerts: false);
        html.Append("</g>\n<g id=\"nodes\">\n");
        foreach (var node in graph.Nodes)
            Node(html, node, layout.Boxes[node.Id], ids, changes?.Of(node));
        html.Append("</g>\n<g id=\"alerts\">\n");
        Edges(html, graph, layout, ids, changes, alerts: true);
        html.Append("</g>\n</svg>\n");
    }

    // Edges are drawn under the nodes, except those that carry a finding or join sandbox and production: a reviewer
    // must see those whole, even where they pass a node on the way. So must they what a change added or widened; what it
    // removed is history, drawn underneath.
    private static void Edges(StringBuilder html, TrustGraph graph, GraphLayout layout, IReadOnlyDictionary<string, string> ids, ChangedTrustGraph? changes, bool alerts)
    {
        foreach (var edge in graph.Edges.Where(e => IsAlert(e, changes?.Of(e)) == alerts))
            Edge(html, edge, layout, ids, changes?.Of(edge));
    }

    private static bool IsAlert(GraphEdge edge) => edge.Findings.Count > 0 || edge.CrossesEnvironments;

    private static bool IsAlert(GraphEdge edge, GraphMark? mark) => mark?.Change switch
    {
        GraphChange.Removed => false,
        GraphChange.Added or GraphChange.Widened => true,
        _ => IsAlert(edge),
    };

    private static void Edge(StringBuilder html, GraphEdge edge, GraphLayout layout, IReadOnlyDictionary<string, string> ids, GraphMark? mark)
    {
        var from = layout.Boxes[edge.From];
        var to = layout.Boxes[edge.To];
        var p0 = (X: from.X + GraphLayout.NodeWidth, Y: from.Y + GraphLayout.NodeHeight / 2);
        var p3 = (X: to.X, Y: to.Y + GraphLayout.NodeHeight / 2);
        (int X, int Y) p1, p2;
        if (to.X <= from.X)
        {
            p3 = (to.X + GraphLayout.NodeWidth, p3.Y); // same column: a loop out to the right
            (p1, p2) = ((p0.X + 60, p0.Y), (p3.X + 60, p3.Y));
        }
        else
        {
            // Neighbouring columns get a gentle S; longer edges leave and arrive steeply, so they cross the columns between diagonally.
            var bend = to.X - from.X <= GraphLayout.NodeWidth + GraphLayout.ColumnGap ? (p3.X - p0.X) / 2 : GraphLayout.ColumnGap + 16;
            (p1, p2) = ((p0.X + bend, p0.Y), (p3.X - bend, p3.Y));
        }
        var alert = mark?.Change != GraphChange.Removed && IsAlert(edge);
        var kind = JsonGraphWriter.Camel(edge.Kind.ToString());
        var change = mark is null ? null : ChangedTrustGraph.ClassOf(mark.Change);
        var classes = $"edge kind-{kind}" + (alert ? " alert" : "") + (edge.CrossesEnvironments ? " crosses" : "") + (change is null ? "" : " diff-" + change);
        var label = GraphText.EdgeLabel(edge);
        var title = $"{label} ({kind})" + string.Concat(edge.Findings.Select(f => $"\n{f.Id}: {f.Message}")) + Changes(mark);
        var arrow = change is "added" or "removed" ? "arrow-" + change : alert || change is "widened" ? "arrow-alert" : "arrow";
        html.Append(CultureInfo.InvariantCulture,
            $"<g class=\"{classes}\" data-from=\"{ids[edge.From]}\" data-to=\"{ids[edge.To]}\"><path d=\"M{p0.X},{p0.Y} C{p1.X},{p1.Y} {p2.X},{p2.Y} {p3.X},{p3.Y}\" marker-end=\"url(#{arrow})\"/><title>{Escape(title)}</title>");
        // A changed grant's edge says what the grant was.
        if (mark?.Previous is { } previous)
            label = previous;
        if (edge.Kind == GraphEdgeKind.References || edge.Findings.Count > 0 || mark?.Previous is not null)
        {
            // Plain references are labelled close to their target, where edges run apart; alerts in the middle, with their badges.
            var (mx, my) = Bezier(p0, p1, p2, p3, alert ? 0.5 : 0.7);
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"edge-label\" x=\"{mx}\" y=\"{my - 5}\">{Escape(Truncate(label, 30))}</text>");
            var rules = edge.Findings.DistinctBy(f => f.Id).ToList();
            var badgeX = mx - 35 * rules.Count;
            foreach (var finding in rules)
            {
                Badge(html, finding, edge.Findings.Where(f => f.Id == finding.Id), badgeX + 2, my + 1);
                badgeX += 70;
            }
        }
        html.Append("</g>\n");
    }

    private static (int X, int Y) Bezier((int X, int Y) p0, (int X, int Y) p1, (int X, int Y) p2, (int X, int Y) p3, double t)
    {
        var u = 1 - t;
        double At(int a, int b, int c, int d) => u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
        return ((int)Math.Round(At(p0.X, p1.X, p2.X, p3.X)), (int)Math.Round(At(p0.Y, p1.Y, p2.Y, p3.Y)));
    }

    private static void Node(StringBuilder html, GraphNode node, (int X, int Y, int Height) box, IReadOnlyDictionary<string, string> ids, GraphMark? mark)
    {
        var kind = JsonGraphWriter.Camel(node.Kind.ToString());
        var change = mark is null ? null : ChangedTrustGraph.ClassOf(mark.Change);
        var classes = $"node kind-{kind} env-{node.Environment}" + (node.Findings.Count > 0 ? " has-findings" : "") + (node.Role?.Privileged == true ? " privileged" : "") +
            (change is null ? "" : " diff-" + change);
        var search = string.Join(" ", new[] { node.Label, node.Detail, node.ResourceType ?? "", node.Environment }.Concat(node.Findings.Select(f => f.Id)).Concat(change is null ? [] : [change])).ToLowerInvariant();
        html.Append(CultureInfo.InvariantCulture,
            $"<g class=\"{classes}\" id=\"{ids[node.Id]}\" data-key=\"{Escape(node.Id)}\" data-env=\"{node.Environment}\" data-search=\"{Escape(search)}\" transform=\"translate({box.X},{box.Y})\">");
        var radius = node.Kind == GraphNodeKind.Identity ? GraphLayout.NodeHeight / 2 : node.Kind == GraphNodeKind.RoleAssignment ? 3 : 8;
        html.Append(CultureInfo.InvariantCulture, $"<rect class=\"box\" width=\"{GraphLayout.NodeWidth}\" height=\"{box.Height}\" rx=\"{radius}\"/>");
        if (node.Kind == GraphNodeKind.Scope)
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"inner\" x=\"4\" y=\"4\" width=\"{GraphLayout.NodeWidth - 8}\" height=\"{box.Height - 8}\" rx=\"5\"/>");
        var textX = node.Kind == GraphNodeKind.Identity ? 18 : 10;
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{textX}\" y=\"19\">{Escape(Truncate(node.Label, LabelChars))}</text>");
        // A changed grant's second line says what it was; its own detail stays in the tooltip.
        var detail = mark?.Previous ?? node.Detail;
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"detail{(mark?.Previous is null ? "" : " previous")}\" x=\"{textX}\" y=\"36\">{Escape(Truncate(detail, DetailChars))}</text>");
        var title = new StringBuilder(node.Label).Append('\n').Append(node.Detail).Append("\nenvironment: ").Append(node.Environment);
        if (node.EnvironmentEvidence.Length > 0)
            title.Append(" (").Append(node.EnvironmentEvidence).Append(')');
        foreach (var location in node.Locations)
            title.Append(CultureInfo.InvariantCulture, $"\n{location.File}:{location.Line}");
        title.Append(Changes(mark));
        html.Append("<title>").Append(Escape(title.ToString())).Append("</title>");
        var x = textX;
        foreach (var finding in node.Findings.DistinctBy(f => f.Id))
        {
            Badge(html, finding, node.Findings.Where(f => f.Id == finding.Id), x, GraphLayout.NodeHeight - 4);
            x += 70;
        }
        html.Append("</g>\n");
    }

    private static void Badge(StringBuilder html, GraphFinding finding, IEnumerable<GraphFinding> all, int x, int y)
    {
        var title = string.Join("\n", all.Select(f => $"{f.Id}: {f.Message} ({f.File}:{f.Line})"));
        html.Append(CultureInfo.InvariantCulture,
            $"<a class=\"badge level-{finding.Severity}\"{Href(finding.HelpUri)} data-rule=\"{Escape(finding.Id)}\"><rect x=\"{x}\" y=\"{y}\" width=\"66\" height=\"17\" rx=\"8\"/><text x=\"{x + 33}\" y=\"{y + 12}\">{Escape(finding.Id)}</text><title>{Escape(title)}</title></a>");
    }

    private static void FindingList(StringBuilder html, TrustGraph graph, IReadOnlyDictionary<string, string> ids)
    {
        html.Append("<section id=\"findings\">\n<h2>Findings on the graph</h2>\n");
        if (graph.Findings.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }
        html.Append("<table>\n<thead><tr><th>Rule</th><th>Where</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var finding in graph.Findings)
        {
            var targets = graph.Nodes.Where(n => n.Findings.Contains(finding)).Select(n => ids[n.Id])
                .Concat(graph.Edges.Where(e => e.Findings.Contains(finding)).SelectMany(e => new[] { ids[e.From], ids[e.To] })).Distinct();
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-targets=\"{string.Join(" ", targets)}\"><td><a{Href(finding.HelpUri)}>{Escape(finding.Id)}</a></td><td>{Escape(finding.File)}:{finding.Line}</td><td>{Escape(finding.Message)}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    // What a tooltip says about a change: added or removed, and each change of the diff that touches the element.
    private static string Changes(GraphMark? mark)
    {
        if (mark is null || (mark.Change == GraphChange.Unchanged && mark.Changes.Count == 0))
            return string.Empty;
        var text = new StringBuilder("\n").Append(ChangedTrustGraph.ClassOf(mark.Change) ?? "changed, not widened");
        if (mark.Previous is { } previous)
            text.Append(" (").Append(previous).Append(')');
        foreach (var change in mark.Changes)
            text.Append("\n").Append(change);
        return text.ToString();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Escape(string text) => OutputText.Html(text);

    // Only http and https links become links: a pack's javascript: help link would run in the reader's browser.
    private static string Href(string uri) =>
        OutputText.WebLink(uri) is { } link ? $" href=\"{Escape(link)}\" target=\"_blank\" rel=\"noopener\"" : string.Empty;

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("InfraLint.Reporting.Graph." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
