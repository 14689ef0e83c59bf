using InfraLint.Core.Engine;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Graph;

[TestClass]
public sealed class TrustGraphTests
{
    [TestMethod]
    [DataRow(GraphFormat.Mermaid, "contoso.mmd")]
    [DataRow(GraphFormat.Dot, "contoso.dot")]
    [DataRow(GraphFormat.Json, "contoso.json")]
    public void The_sample_graph_matches_its_golden_file(GraphFormat format, string golden) =>
        SampleGraph.AssertMatchesGolden(GraphFormats.Write(SampleGraph.Get(), format), golden);

    [TestMethod]
    public void The_same_input_gives_the_same_bytes_whatever_the_order_of_the_files()
    {
        var reversed = SampleGraph.Build(reverse: true);
        foreach (var format in Enum.GetValues<GraphFormat>())
            Assert.AreEqual(GraphFormats.Write(SampleGraph.Get(), format), GraphFormats.Write(reversed, format), format.ToString());
    }

    [TestMethod]
    public void The_sandbox_identity_reaches_production_through_a_setting_marked_INFRA4001()
    {
        var graph = SampleGraph.Get();
        var identity = graph.Nodes.Single(n => n.Label == "id-exp-ranker");
        Assert.AreEqual("sandbox", identity.Environment);
        Assert.AreEqual("userAssigned", identity.IdentityKind);
        var app = graph.Nodes.Single(n => n.Label == "app-exp-ranker");
        Assert.IsTrue(graph.Edges.Any(e => e.From == app.Id && e.To == identity.Id && e.Kind == GraphEdgeKind.AttachedTo));

        var search = graph.Nodes.Single(n => n.Label == "srch-contoso-chat-prod");
        Assert.AreEqual("production", search.Environment);
        var reference = graph.Edges.Single(e => e.From == app.Id && e.To == search.Id);
        Assert.AreEqual(GraphEdgeKind.References, reference.Kind);
        Assert.AreEqual("SEARCH_ENDPOINT", reference.Label);
        Assert.IsTrue(reference.CrossesEnvironments);
        var finding = reference.Findings.Single();
        Assert.AreEqual(("INFRA4001", "infra/experiments/ranker.bicep", 63), (finding.Id, finding.File, finding.Line));
        Assert.AreEqual("https://github.com/infralint/infralint/blob/main/docs/rules/INFRA4001.md", finding.HelpUri);
    }

    [TestMethod]
    public void The_over_wide_role_is_a_Reader_on_the_resource_group_marked_INFRA3001()
    {
        var graph = SampleGraph.Get();
        var identity = graph.Nodes.Single(n => n.Label == "id-exp-ranker");
        var holds = graph.Edges.Single(e => e.From == identity.Id && e.Kind == GraphEdgeKind.Holds);
        var assignment = graph.Nodes.Single(n => n.Id == holds.To);
        Assert.AreEqual("Reader", assignment.Role!.Name);
        CollectionAssert.AreEqual(new[] { "read" }, assignment.Role.Actions.ToArray());
        Assert.AreEqual("resourceGroup", assignment.ScopeLevel);
        // The sample's budget allows the experiments nothing wider than one resource: INFRA3003 too.
        CollectionAssert.AreEqual(new[] { "INFRA3001", "INFRA3003" }, assignment.Findings.Select(f => f.Id).Order(StringComparer.Ordinal).ToArray());
        var scope = graph.Nodes.Single(n => n.Id == graph.Edges.Single(e => e.From == assignment.Id && e.Kind == GraphEdgeKind.GrantedOn).To);
        Assert.AreEqual(GraphNodeKind.Scope, scope.Kind);
    }

    [TestMethod]
    public void Findings_mark_role_assignments_compute_and_stores_by_where_they_point()
    {
        var graph = SampleGraph.Get();
        string[] On(string label) => graph.Nodes.Single(n => n.Label == label).Findings.Select(f => f.Id).ToArray();
        // Its approval lapsed (INFRA3006), and the identity also calls the model (INFRA5003).
        CollectionAssert.AreEqual(new[] { "INFRA3006", "INFRA5003" }, On("Storage Blob Data Owner").Order(StringComparer.Ordinal).ToArray());
        CollectionAssert.AreEqual(new[] { "INFRA5002" }, On("openAi"));
        CollectionAssert.AreEqual(new[] { "INFRA2001" }, On("logic-contoso-chat-feedback-prod"));
        // A module is drawn through its caller: the OpenAI User role is held by the app's identity, not by a bare parameter.
        Assert.IsFalse(graph.Nodes.Any(n => n.IdentityKind == "principal"));
        var openAiUser = graph.Nodes.Single(n => n.Label == "Cognitive Services OpenAI User");
        Assert.AreEqual("identity:microsoft.managedidentity/userassignedidentities/id-contoso-chat-prod", graph.Edges.Single(e => e.To == openAiUser.Id).From);
    }

    [TestMethod]
    public void A_finding_that_holds_in_one_deployment_marks_only_what_that_deployment_draws()
    {
        // testdata/deployments/github-actions: one template, deployed to dev (Contributor, INFRA3001/3002) and to prod (Reader, clean).
        using var repository = new TempDirectory();
        var source = TestEnvironment.TestData("deployments", "github-actions");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            repository.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        Directory.CreateDirectory(Path.Combine(repository.Path, ".git"));
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, CollectDeployments = true,
            DeclaredDeployments = Core.Deployments.DeploymentDiscovery.Discover(repository.Path).Deployments,
        });
        var result = engine.Analyze(InputDiscovery.Expand([repository.Path], out _));
        var graph = TrustGraphBuilder.Build(result.Deployments, result.Findings, new SourceRoot(repository.Path));

        var assignments = graph.Nodes.Where(n => n.Kind == GraphNodeKind.RoleAssignment).ToDictionary(n => n.Role!.Name);
        CollectionAssert.AreEqual(new[] { "INFRA3001", "INFRA3002" }, assignments["Contributor"].Findings.Select(f => f.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.AreEqual(0, assignments["Reader"].Findings.Count, "the production deployment's assignment is clean");
        Assert.IsTrue(result.Findings.Where(f => f.Id is "INFRA3001" or "INFRA4001").All(f => f.Deployments is ["deploy-dev"]));
    }

    [TestMethod]
    public void The_engine_keeps_no_deployment_models_unless_asked()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("main.bicep", "resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n  name: 'id-app'\n  location: 'westeurope'\n}\n");
        using var plain = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        Assert.AreEqual(0, plain.Analyze([new InputFile(file)]).Deployments.Count);
        using var collecting = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, CollectDeployments = true });
        Assert.AreEqual("id-app", collecting.Analyze([new InputFile(file)]).Deployments.Single().Identities.Single().Name);
    }

    [TestMethod]
    [DataRow(true, RuleCategory.Other, true)]
    [DataRow(false, RuleCategory.Roles, true)]
    [DataRow(false, RuleCategory.Environments, true)]
    [DataRow(false, RuleCategory.Other, false)]
    [DataRow(false, RuleCategory.Secrets, false)]
    public void A_resource_a_finding_names_is_drawn_when_the_rule_says_it_is_about_access(bool aboutAccess, RuleCategory category, bool drawn)
    {
        using var folder = new TempDirectory();
        var file = folder.Write("main.bicep", "resource ip 'Microsoft.Network/publicIPAddresses@2023-09-01' = {\n  name: 'pip-app'\n  location: 'westeurope'\n}\n");
        var rule = new EveryResourceRule(new RuleDescriptor("PACK0001", "Every resource", "'{0}'", category, Severity.Warning, AboutAccess: aboutAccess));
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = [rule], BicepPath = TestEnvironment.BicepPath, CollectDeployments = true });
        var result = engine.Analyze([new InputFile(file)]);
        Assert.AreEqual("PACK0001", result.Findings.Single().Id);

        var graph = TrustGraphBuilder.Build(result.Deployments, result.Findings, new SourceRoot(folder.Path));

        Assert.AreEqual(drawn, graph.Nodes.Any(n => n.Label == "pip-app" && n.Findings.Any(f => f.Id == "PACK0001")));
    }

    private sealed class EveryResourceRule(RuleDescriptor descriptor) : Rule
    {
        public override RuleDescriptor Describe => descriptor;

        public override void Analyze(TemplateModel template, FindingSink report)
        {
            foreach (var resource in template.Resources)
                report.Report(descriptor, resource, resource.DisplayName);
        }
    }

    [TestMethod]
    [DataRow("graph.html", GraphFormat.Html)]
    [DataRow("graph.mmd", GraphFormat.Mermaid)]
    [DataRow("README.md", GraphFormat.Markdown)]
    [DataRow("trust.gv", GraphFormat.Dot)]
    [DataRow("trust.JSON", GraphFormat.Json)]
    public void The_file_extension_names_the_format(string file, GraphFormat format) =>
        Assert.AreEqual(format, GraphFormats.FromExtension(file));

    [TestMethod]
    public void Markdown_is_a_fenced_mermaid_block()
    {
        var markdown = GraphFormats.Write(SampleGraph.Get(), GraphFormat.Markdown);
        StringAssert.StartsWith(markdown, "```mermaid\nflowchart LR\n");
        StringAssert.EndsWith(markdown, "```\n");
    }

    [TestMethod]
    public void The_html_page_fetches_nothing()
    {
        var html = GraphFormats.Write(SampleGraph.Get(), GraphFormat.Html);
        foreach (var fetch in new[] { "<link", " src=", "@import", "url(http", "fetch(", "XMLHttpRequest" })
            Assert.IsFalse(html.Contains(fetch, StringComparison.OrdinalIgnoreCase), fetch);
        // The only addresses are the findings' help links, which open on click.
        var index = 0;
        while ((index = html.IndexOf("http", index, StringComparison.Ordinal)) >= 0)
        {
            StringAssert.StartsWith(html[(index - 6)..], "href=\"https://github.com/infralint/infralint/blob/main/docs/rules/");
            index += 4;
        }
    }
}
