using System.Text.RegularExpressions;
using InfraLint.Tests;
using static InfraLint.Cli.Tests.DiffRepository;

namespace InfraLint.Cli.Tests;

/// <summary>
/// `infralint graph --base REF` as a reviewer runs it: the testdata/diff pairs made into git repositories, the real CLI and
/// compiler, and the picture marked from the same trust diff `diff --base` writes.
/// </summary>
[TestClass]
public sealed class GraphBaseCommandTests
{
    [TestMethod]
    public void A_widened_grant_is_a_red_edge_and_node_that_say_what_the_grant_was()
    {
        using var workspace = Repository("module-parameter");

        var mermaid = workspace.Run("graph", "--base", "HEAD", "infra", "--format", "mermaid");
        var html = workspace.Run("graph", "--base", "HEAD", "infra", "--output", "trust.html");
        var again = workspace.Run("graph", "--base", "HEAD", "infra", "--output", "again.html");

        Assert.AreEqual(0, mermaid.ExitCode, mermaid.ToString());
        const string Previous = "was 'Reader' on resourceGroup 'rg-contoso-chat-prod'";
        var holds = Edges(mermaid.StandardOutput).FindIndex(e => e.Contains($"==>|\"holds · {Previous}\"|", StringComparison.Ordinal));
        Assert.IsTrue(holds >= 0, mermaid.StandardOutput);
        CollectionAssert.Contains(LinkStyled(mermaid.StandardOutput, "stroke:#d32f2f,stroke-width:3px"), holds);
        var assignment = Regex.Match(mermaid.StandardOutput, "\n    (n[0-9]+)\\{\\{\"Contributor<br/>[^\n]*<br/>" + Regex.Escape(Previous) + "\"\\}\\}:::production\n");
        Assert.IsTrue(assignment.Success, mermaid.StandardOutput);
        CollectionAssert.Contains(Classed(mermaid.StandardOutput, "widened"), assignment.Groups[1].Value);
        StringAssert.Contains(mermaid.StandardError, "HEAD → working tree: 0 added, 0 removed, 3 widened");

        Assert.AreEqual(0, html.ExitCode, html.ToString());
        var page = workspace.Read("trust.html");
        StringAssert.Matches(page, new Regex("<g class=\"edge kind-holds[^\"]* diff-widened\"[^>]*><path [^>]*marker-end=\"url\\(#arrow-alert\\)\"/><title>holds \\(holds\\)&#10;widened \\(was &#39;Reader&#39; on resourceGroup &#39;rg-contoso-chat-prod&#39;\\)&#10;grantWidened: "));
        StringAssert.Contains(page, "<text class=\"detail previous\" x=\"10\" y=\"36\">was &#39;Reader&#39; on resourceGroup &#39;rg-contoso-c…</text>");
        Assert.AreEqual(page, workspace.Read("again.html"), "the same two revisions give the same bytes");
    }

    [TestMethod]
    public void What_the_diff_reports_is_what_the_graph_marks()
    {
        using var workspace = Repository("module-parameter");

        var diff = workspace.Run("diff", "--base", "HEAD", "infra");
        var graph = workspace.Run("graph", "--base", "HEAD", "infra");

        // The grant change, in the diff's words, is on the picture's widened role assignment and its edges.
        var grantWidened = diff.StandardOutput.Split('\n').Single(l => l.Contains(" grantWidened: ", StringComparison.Ordinal));
        var message = grantWidened[(grantWidened.IndexOf(" grantWidened: ", StringComparison.Ordinal) + 1)..]
            .Replace("&", "&amp;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
        Assert.AreEqual(0, diff.ExitCode, diff.ToString());
        Assert.AreEqual(0, graph.ExitCode, graph.ToString());
        Assert.AreEqual(3, Regex.Matches(graph.StandardOutput, Regex.Escape("&#10;" + message) + "(&#10;|</title>)").Count, message + "\n" + graph.StandardOutput);
    }

    [TestMethod]
    public void A_grant_added_is_green()
    {
        using var workspace = Repository("loop-gains-item");

        var run = workspace.Run("graph", "--base", "HEAD", ".", "--format", "mermaid");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var identity = NodeId(run.StandardOutput, "id-exp-pricing<br/>user-assigned identity");
        var added = Classed(run.StandardOutput, "added");
        CollectionAssert.Contains(added, identity);
        Assert.AreEqual(2, added.Count, "the identity and its new role assignment: " + run.StandardOutput);
        var edges = Edges(run.StandardOutput);
        var green = LinkStyled(run.StandardOutput, "stroke:#2e7d32,stroke-width:3px");
        CollectionAssert.AreEqual(edges.Select((e, i) => (e, i)).Where(p => p.e.Contains(identity + " ", StringComparison.Ordinal) || added.Any(a => p.e.StartsWith($"  {a} ", StringComparison.Ordinal))).Select(p => p.i).ToList(), green);
        Assert.AreEqual(2, green.Count, run.StandardOutput);
        StringAssert.Contains(run.StandardError, "HEAD → working tree: 4 added, 0 removed, 0 widened");
    }

    [TestMethod]
    public void An_identity_removed_is_grey_and_struck_through_with_its_grant()
    {
        using var workspace = Repository("loop-gains-item", reversed: true);

        var mermaid = workspace.Run("graph", "--base", "HEAD", ".", "--format", "markdown");
        var html = workspace.Run("graph", "--base", "HEAD", ".", "--format", "html");

        Assert.AreEqual(0, mermaid.ExitCode, mermaid.ToString());
        StringAssert.StartsWith(mermaid.StandardOutput, "```mermaid\nflowchart LR\n");
        var identity = NodeId(mermaid.StandardOutput, "<s>id-exp-pricing<br/>user-assigned identity</s><br/>(removed)");
        var removed = Classed(mermaid.StandardOutput, "removed");
        CollectionAssert.Contains(removed, identity);
        Assert.AreEqual(2, removed.Count, mermaid.StandardOutput);
        Assert.AreEqual(2, LinkStyled(mermaid.StandardOutput, "stroke:#9e9e9e,stroke-dasharray:5 3").Count, mermaid.StandardOutput);
        Assert.AreEqual(0, html.ExitCode, html.ToString());
        StringAssert.Matches(html.StandardOutput, new Regex("<g class=\"node kind-identity env-sandbox diff-removed\" id=\"n[0-9]+\" data-key=\"base:identity:[^\"]*id-exp-pricing\""));
        StringAssert.Contains(html.StandardOutput, "&#10;removed&#10;identityRemoved: Identity &#39;id-exp-pricing&#39; (sandbox) removed</title>");
        StringAssert.Contains(html.StandardOutput, ".node.diff-removed .label, .node.diff-removed .detail { fill: var(--removed); text-decoration: line-through; }");
    }

    [TestMethod]
    [DataRow("moved-block")]
    [DataRow("rename")]
    public void Moved_or_renamed_code_marks_nothing(string name)
    {
        using var workspace = Repository(name);

        var mermaid = workspace.Run("graph", "--base", "HEAD", ".", "--format", "mermaid");
        var html = workspace.Run("graph", "--base", "HEAD", ".");
        var plain = workspace.Run("graph", ".", "--format", "mermaid");

        Assert.AreEqual(0, mermaid.ExitCode, mermaid.ToString());
        StringAssert.Contains(mermaid.StandardError, "HEAD → working tree: 0 added, 0 removed, 0 widened");
        // The graph has something to compare: the identity, its grant and its attachment are drawn on both sides.
        Assert.IsTrue(Edges(mermaid.StandardOutput).Count >= 2, mermaid.StandardOutput);
        // Nothing is marked: the picture is the plain graph's, with the four change classes declared and unused.
        Assert.AreEqual(0, plain.ExitCode, plain.ToString());
        Assert.IsFalse(plain.StandardOutput.Contains("classDef added", StringComparison.Ordinal));
        Assert.AreEqual(plain.StandardOutput, Regex.Replace(mermaid.StandardOutput, "  classDef (added|removed|widened|narrowed) [^\n]*\n", ""));
        Assert.AreEqual(0, html.ExitCode, html.ToString());
        Assert.IsFalse(Regex.IsMatch(html.StandardOutput, "<g class=\"(node|edge) [^\"]* diff-"), "no node or edge is marked");
    }

    [TestMethod]
    [DataRow("--format", "dot")]
    [DataRow("--output", "trust.json")]
    public void Formats_that_cannot_show_changes_are_a_usage_error(string option, string value)
    {
        using var workspace = Repository("settings");

        var run = workspace.Run("graph", "--base", "HEAD", ".", option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardError, "graph --base draws html, mermaid or markdown");
    }

    private static List<string> Edges(string mermaid) =>
        mermaid.Split('\n').Where(l => Regex.IsMatch(l, "^  n[0-9]+ (-->|==>|-\\.->)\\|")).ToList();

    private static List<string> Classed(string mermaid, string change) =>
        Regex.Matches(mermaid, $"\n  class ([n0-9,]+) {change}\n").SelectMany(m => m.Groups[1].Value.Split(',')).ToList();

    private static List<int> LinkStyled(string mermaid, string style) =>
        Regex.Matches(mermaid, $"\n  linkStyle ([0-9,]+) {Regex.Escape(style)}\n").SelectMany(m => m.Groups[1].Value.Split(',').Select(int.Parse)).ToList();

    private static string NodeId(string mermaid, string label)
    {
        var match = Regex.Match(mermaid, "\n    (n[0-9]+)[\\[\\(\\{]+\"" + Regex.Escape(label) + "\"");
        Assert.IsTrue(match.Success, $"no node '{label}' in\n{mermaid}");
        return match.Groups[1].Value;
    }
}
