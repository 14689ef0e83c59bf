using System.Text.Json;

namespace InfraLint.Cli.Tests;

/// <summary>`infralint graph` as a user runs it: formats, files and exit codes.</summary>
[TestClass]
public sealed class GraphCommandTests
{
    private const string Experiment = """
        resource ranker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'id-exp-ranker'
          location: 'westeurope'
        }
        resource readsEverything 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(resourceGroup().id, ranker.id, 'reader')
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
            principalId: ranker.properties.principalId
            principalType: 'ServicePrincipal'
          }
        }
        """;

    [TestMethod]
    public void Writes_the_format_the_output_file_names_and_exits_0_despite_findings()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/exp/ranker.bicep", Experiment);

        var run = workspace.Run("graph", "infra", "--output", "trust.json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        using var json = JsonDocument.Parse(workspace.Read("trust.json"));
        var assignment = json.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "roleAssignment");
        Assert.AreEqual("Reader", assignment.GetProperty("label").GetString());
        Assert.AreEqual("INFRA3001", assignment.GetProperty("findings")[0].GetProperty("ruleId").GetString());
        Assert.AreEqual("infra/exp/ranker.bicep", assignment.GetProperty("findings")[0].GetProperty("file").GetString());
        StringAssert.Contains(run.StandardError, "trust graph of");
    }

    [TestMethod]
    public void Writes_html_to_standard_output_by_default_and_mermaid_on_request()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("ranker.bicep", Experiment);

        var html = workspace.Run("graph", "ranker.bicep");
        var mermaid = workspace.Run("graph", "ranker.bicep", "--format", "mermaid");

        Assert.AreEqual(0, html.ExitCode, html.ToString());
        StringAssert.StartsWith(html.StandardOutput, "<!DOCTYPE html>");
        StringAssert.Contains(html.StandardOutput, "id-exp-ranker");
        Assert.AreEqual(0, mermaid.ExitCode, mermaid.ToString());
        StringAssert.StartsWith(mermaid.StandardOutput, "flowchart LR\n");
    }

    [TestMethod]
    [DataRow("--format", "svg")]
    [DataRow("--output", "trust.txt")]
    [DataRow("--fail-level", "error")]
    [DataRow("--baseline", "b.sarif")]
    public void Usage_errors_exit_2(string option, string value)
    {
        using var workspace = new CliWorkspace();
        workspace.Write("ranker.bicep", Experiment);

        var run = workspace.Run("graph", "ranker.bicep", option, value);

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardError, "infralint: ");
    }

    [TestMethod]
    public void A_template_that_cannot_be_read_exits_2_and_the_rest_is_still_drawn()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("ranker.bicep", Experiment);
        workspace.Write("broken.bicep", "resource x 'Microsoft.Web/sites@2023-12-01' = {\n  name:\n}\n");

        var run = workspace.Run("graph", ".", "--format", "dot", "--output", "trust.dot");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardError, "INFRA0001");
        StringAssert.Contains(workspace.Read("trust.dot"), "id-exp-ranker");
    }
}
