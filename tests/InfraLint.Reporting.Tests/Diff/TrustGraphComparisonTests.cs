using InfraLint.Reporting.Diff;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using static InfraLint.Reporting.Tests.Diff.TestRoles;

namespace InfraLint.Reporting.Tests.Diff;

/// <summary>
/// <c>graph --base</c>'s model: the head graph plus the base's removed nodes and edges, marked from the trust diff of the same
/// two graphs, matched by type and name, principal, role and scope, never by a node's declaration line.
/// </summary>
[TestClass]
public sealed class TrustGraphComparisonTests
{
    private static readonly SourceRoot Root = new(Path.GetTempPath());

    private static GraphNode Identity(string name, string environment = "sandbox") =>
        new("identity:microsoft.managedidentity/userassignedidentities/" + name, GraphNodeKind.Identity, name, "user-assigned identity",
            environment, "", 1, [new GraphLocation("main.bicep", 1)], []) { IdentityKind = "userAssigned" };

    private static GraphNode Group(string name, string environment = "production") =>
        new("scope:resourcegroup/" + name, GraphNodeKind.Scope, name, "resource group", environment, "", 3, [], []) { ScopeLevel = "resourceGroup" };

    // The node id carries the declaration line, as the builder's does: a moved block gets another id, and is no change.
    private static GraphNode Assignment(GraphRole role, int line, string environment = "production") =>
        new($"assignment:main.bicep:{line}", GraphNodeKind.RoleAssignment, role.Name, "detail", environment, "", 2, [new GraphLocation("main.bicep", line)], [])
        {
            Role = role,
            ScopeLevel = "resourceGroup",
        };

    private static TrustGraph Grants(params (GraphNode Principal, GraphNode Assignment, GraphNode Scope)[] grants) =>
        new(grants.SelectMany(g => new[] { g.Principal, g.Assignment, g.Scope }).DistinctBy(n => n.Id).ToList(),
            grants.SelectMany(g => new[]
            {
                new GraphEdge(g.Principal.Id, g.Assignment.Id, GraphEdgeKind.Holds, "", false, []),
                new GraphEdge(g.Assignment.Id, g.Scope.Id, GraphEdgeKind.GrantedOn, "", false, []),
            }).ToList());

    private static ChangedTrustGraph Compare(TrustGraph before, TrustGraph after)
    {
        var diff = TrustDiff.Compare("main", "working tree", TrustSnapshot.Of(before, [], Root), TrustSnapshot.Of(after, [], Root));
        return TrustGraphComparison.Compare(before, after, diff);
    }

    private static GraphMark MarkOf(ChangedTrustGraph changed, string label) => changed.Of(changed.Graph.Nodes.Single(n => n.Label == label));

    [TestMethod]
    public void A_role_raised_on_a_moved_assignment_is_one_widened_node_and_edge_with_the_previous_role()
    {
        var ranker = Identity("id-exp-ranker");
        var before = Grants((ranker, Assignment(Reader, 10), Group("rg-prod")));
        var after = Grants((ranker, Assignment(Contributor, 30), Group("rg-prod")));

        var changed = Compare(before, after);

        Assert.AreEqual(3, changed.Graph.Nodes.Count, "no removed Reader beside the widened Contributor");
        var assignment = MarkOf(changed, "Contributor");
        Assert.AreEqual(GraphChange.Widened, assignment.Change);
        Assert.AreEqual("was 'Reader' on resourceGroup 'rg-prod'", assignment.Previous);
        StringAssert.StartsWith(assignment.Changes.Single(), "grantWidened: ");
        var holds = changed.Graph.Edges.Single(e => e.Kind == GraphEdgeKind.Holds);
        Assert.AreEqual(GraphChange.Widened, changed.Of(holds).Change);
        Assert.AreEqual("was 'Reader' on resourceGroup 'rg-prod'", changed.Of(holds).Previous);
        Assert.AreEqual(GraphChange.Unchanged, MarkOf(changed, "id-exp-ranker").Change);
        Assert.AreEqual(GraphChange.Unchanged, MarkOf(changed, "rg-prod").Change);
    }

    [TestMethod]
    public void A_lowered_role_is_marked_narrowed_and_keeps_its_change()
    {
        var ranker = Identity("id-exp-ranker");

        var changed = Compare(Grants((ranker, Assignment(Contributor, 10), Group("rg-prod"))), Grants((ranker, Assignment(Reader, 10), Group("rg-prod"))));

        var assignment = MarkOf(changed, "Reader");
        Assert.AreEqual(GraphChange.Narrowed, assignment.Change);
        Assert.AreEqual("was 'Contributor' on resourceGroup 'rg-prod'", assignment.Previous);
        StringAssert.StartsWith(assignment.Changes.Single(), "grantNarrowed: ");
        Assert.AreEqual(0, changed.Count(GraphChange.Widened) + changed.Count(GraphChange.Added) + changed.Count(GraphChange.Removed));
        Assert.AreEqual(GraphChange.Unchanged, MarkOf(changed, "id-exp-ranker").Change, "the principal itself did not change");
        StringAssert.Matches(MermaidGraphWriter.Write(changed), new System.Text.RegularExpressions.Regex("\n  class [^\n ]+ narrowed\n"));
        StringAssert.Contains(HtmlGraphWriter.Write(changed), " diff-narrowed\"");
    }

    [TestMethod]
    public void A_new_identity_and_its_grant_are_added_and_what_was_there_is_unchanged()
    {
        var search = Identity("id-exp-search");
        var pricing = Identity("id-exp-pricing");
        var before = Grants((search, Assignment(Reader, 10), Group("rg-prod")));
        var after = Grants((search, Assignment(Reader, 10), Group("rg-prod")), (pricing, Assignment(Reader, 20), Group("rg-prod")));

        var changed = Compare(before, after);

        Assert.AreEqual(GraphChange.Added, MarkOf(changed, "id-exp-pricing").Change);
        var added = changed.Graph.Nodes.Single(n => n.Id == "assignment:main.bicep:20");
        Assert.AreEqual(GraphChange.Added, changed.Of(added).Change);
        // A sandbox identity's new production grant is also a new sandbox–production link: the diff's two changes, in its order.
        CollectionAssert.AreEqual(new[] { "crossEnvironmentAdded", "grantAdded" }, changed.Of(added).Changes.Select(c => c.Split(':')[0]).ToList());
        Assert.IsTrue(changed.Graph.Edges.Where(e => e.From == added.Id || e.To == added.Id).All(e => changed.Of(e).Change == GraphChange.Added));
        Assert.AreEqual(GraphChange.Unchanged, MarkOf(changed, "id-exp-search").Change);
        Assert.AreEqual(GraphChange.Unchanged, changed.Of(changed.Graph.Nodes.Single(n => n.Id == "assignment:main.bicep:10")).Change);
        Assert.AreEqual(4, changed.Count(GraphChange.Added), "identity, assignment and its two edges");
    }

    [TestMethod]
    public void A_removed_identity_is_drawn_from_the_base_without_its_findings_and_its_edges_join_the_head_nodes()
    {
        var search = Identity("id-exp-search");
        var ranking = Identity("id-exp-ranking") with { Findings = [new GraphFinding("INFRA3001", "warning", "too wide", "main.bicep", 1, 1, "https://example.com")] };
        var before = Grants((search, Assignment(Reader, 10), Group("rg-prod")), (ranking, Assignment(Reader, 20), Group("rg-prod")));
        var after = Grants((search, Assignment(Reader, 10), Group("rg-prod")));

        var changed = Compare(before, after);

        var removed = changed.Graph.Nodes.Single(n => n.Label == "id-exp-ranking");
        Assert.AreEqual("base:" + ranking.Id, removed.Id);
        Assert.AreEqual(0, removed.Findings.Count);
        Assert.AreEqual(GraphChange.Removed, changed.Of(removed).Change);
        StringAssert.StartsWith(changed.Of(removed).Changes.Single(), "identityRemoved: ");
        var grantedOn = changed.Graph.Edges.Single(e => e.From == "base:assignment:main.bicep:20");
        Assert.AreEqual(Group("rg-prod").Id, grantedOn.To, "the scope is still there: the removed edge ends at the head's node");
        Assert.AreEqual(GraphChange.Removed, changed.Of(grantedOn).Change);
        Assert.AreEqual(4, changed.Count(GraphChange.Removed));
        Assert.AreEqual(0, changed.Graph.Findings.Count);
    }

    [TestMethod]
    public void A_grant_moved_to_another_scope_is_widened_with_the_old_edge_removed_and_the_new_one_added()
    {
        var ranker = Identity("id-exp-ranker");

        var changed = Compare(Grants((ranker, Assignment(Reader, 10, "sandbox"), Group("rg-exp", "sandbox"))),
            Grants((ranker, Assignment(Reader, 10), Group("rg-prod"))));

        Assert.AreEqual(GraphChange.Widened, MarkOf(changed, "Reader").Change);
        Assert.AreEqual("was 'Reader' on resourceGroup 'rg-exp'", MarkOf(changed, "Reader").Previous);
        Assert.AreEqual(GraphChange.Added, MarkOf(changed, "rg-prod").Change);
        Assert.AreEqual(GraphChange.Removed, MarkOf(changed, "rg-exp").Change);
        var edges = changed.Graph.Edges.Where(e => e.Kind == GraphEdgeKind.GrantedOn).ToDictionary(e => e.To, e => changed.Of(e));
        Assert.AreEqual(GraphChange.Added, edges[Group("rg-prod").Id].Change);
        Assert.AreEqual(GraphChange.Removed, edges["base:" + Group("rg-exp").Id].Change);
        StringAssert.StartsWith(edges["base:" + Group("rg-exp").Id].Changes.Single(), "grantWidened: ", "the old edge belongs to the same change");
    }

    [TestMethod]
    public void Moved_code_marks_nothing_and_every_writer_is_deterministic()
    {
        var ranker = Identity("id-exp-ranker");
        var before = Grants((ranker, Assignment(Reader, 10), Group("rg-prod")));
        var after = Grants((ranker, Assignment(Reader, 42), Group("rg-prod")));

        var changed = Compare(before, after);

        Assert.IsTrue(changed.Graph.Nodes.All(n => changed.Of(n) == GraphMark.None || changed.Of(n).Change == GraphChange.Unchanged && changed.Of(n).Changes.Count == 0));
        Assert.AreEqual(0, changed.Count(GraphChange.Added) + changed.Count(GraphChange.Removed) + changed.Count(GraphChange.Widened));
        var html = HtmlGraphWriter.Write(changed);
        Assert.IsFalse(html.Contains("class=\"node kind-roleAssignment env-production diff-", StringComparison.Ordinal));
        Assert.AreEqual(html, HtmlGraphWriter.Write(Compare(before, after)));
        Assert.AreEqual(MermaidGraphWriter.Write(changed), MermaidGraphWriter.Write(Compare(before, after)));
        Assert.IsFalse(MermaidGraphWriter.Write(changed).Contains("  class ", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Writers_mark_each_change_and_keep_hostile_names_inside_their_labels()
    {
        var hostile = Identity("id\"]:::x\nclick n0 href \"javascript:alert(1)\"<script>");
        var ranker = Identity("id-exp-ranker");
        var before = Grants((ranker, Assignment(Reader, 10), Group("rg-prod")), (hostile, Assignment(Reader, 20), Group("rg-prod")));
        var after = Grants((ranker, Assignment(Contributor, 10), Group("rg-prod")), (Identity("id-new"), Assignment(Reader, 30), Group("rg-prod")));

        var changed = Compare(before, after);
        var mermaid = MermaidGraphWriter.Write(changed);
        var html = HtmlGraphWriter.Write(changed);

        StringAssert.Contains(mermaid, "  classDef added fill:#e6f4ea,stroke:#2e7d32,stroke-width:3px\n");
        StringAssert.Contains(mermaid, "  classDef removed fill:#f5f5f5,stroke:#9e9e9e,color:#9e9e9e,stroke-dasharray:5 3\n");
        StringAssert.Contains(mermaid, "  classDef widened stroke:#d32f2f,stroke-width:4px\n");
        StringAssert.Contains(mermaid, "holds · was 'Reader' on resourceGroup 'rg-prod'");
        StringAssert.Contains(mermaid, "<s>id#quot;]:::x\\u000Aclick n0 href #quot;javascript:alert(1)#quot;#lt;script#gt;<br/>user-assigned identity</s><br/>(removed)");
        Assert.IsTrue(mermaid.Split('\n').All(l => !l.StartsWith("click", StringComparison.Ordinal)), mermaid);
        foreach (var change in new[] { "added", "removed", "widened" })
        {
            StringAssert.Matches(mermaid, new System.Text.RegularExpressions.Regex($"\n  class n[0-9,n]+ {change}\n"));
            StringAssert.Matches(mermaid, new System.Text.RegularExpressions.Regex($"\n  linkStyle [0-9,]+ stroke:"));
            StringAssert.Contains(html, $" diff-{change}\"");
        }
        Assert.IsFalse(html.Contains("<script>\"", StringComparison.Ordinal) || html.Contains("\"javascript:", StringComparison.Ordinal), "escaped");
        StringAssert.Contains(html, "id&quot;]:::x");
        StringAssert.Contains(html, "<p class=\"summary diff\">Compared with main: ");
        StringAssert.Contains(html, "class=\"detail previous\"");
        StringAssert.Contains(html, "was &#39;Reader&#39; on resourceGroup &#39;rg-prod&#39;");
        Assert.AreEqual(1, html.Split("<script>").Length - 1, "only the page's own script");
    }
}
