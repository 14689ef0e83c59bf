using InfraLint.Core.Engine;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// Deployments, not files, for ARM linked templates (<c>templateLink.relativePath</c>): a template that an analysed entry
/// links to is analysed with the values the entry passes, and not again on its own defaults; one it links to only under a
/// condition known to be false deploys nothing.
/// </summary>
[TestClass]
public sealed class LinkedTemplateFlowTests
{
    private const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private static string Deployment(string name, string relativePath, string parameters, string? condition = null) =>
        $$"""
            {
              "type": "Microsoft.Resources/deployments",
              "apiVersion": "2022-09-01",
              "name": "{{name}}",
              {{(condition is null ? "" : $"\"condition\": {condition},")}}
              "properties": {
                "mode": "Incremental",
                "templateLink": { "relativePath": "{{relativePath}}" },
                "parameters": {{parameters}}
              }
            }
        """;

    private static string Linking(string parameters, params string[] deployments) =>
        $$"""
        {
          "$schema": "{{Schema}}",
          "contentVersion": "1.0.0.0",
          "parameters": {{parameters}},
          "resources": [
        {{string.Join(",\n", deployments)}}
          ]
        }
        """;

    private const string Search =
        $$"""
        {
          "$schema": "{{Schema}}",
          "contentVersion": "1.0.0.0",
          "parameters": { "disableLocalAuth": { "type": "bool", "defaultValue": false } },
          "resources": [
            {
              "type": "Microsoft.Search/searchServices",
              "apiVersion": "2023-11-01",
              "name": "srch-orders",
              "location": "westeurope",
              "sku": { "name": "standard" },
              "properties": { "disableLocalAuth": "[parameters('disableLocalAuth')]" }
            }
          ]
        }
        """;

    private const string Legacy =
        $$"""
        {
          "$schema": "{{Schema}}",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Storage/storageAccounts",
              "apiVersion": "2023-05-01",
              "name": "stlegacy",
              "location": "westeurope",
              "kind": "StorageV2",
              "sku": { "name": "Standard_LRS" },
              "properties": { "allowSharedKeyAccess": true }
            }
          ]
        }
        """;

    private static IReadOnlyList<Sdk.Finding> Run(params string[] files) =>
        InfraLintEngine.Run(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath },
            files.Select(f => new InputFile(f))).Findings;

    [TestMethod]
    public void A_linked_template_is_analysed_through_its_caller_only()
    {
        using var folder = new TempDirectory();
        var main = folder.Write("main.json", Linking("""{ "deployLegacy": { "type": "bool", "defaultValue": false } }""",
            Deployment("search", "modules/search.json", """{ "disableLocalAuth": { "value": true } }"""),
            Deployment("legacy", "modules/legacy.json", "{}", "\"[parameters('deployLegacy')]\"")));
        var search = folder.Write("modules/search.json", Search);
        var legacy = folder.Write("modules/legacy.json", Legacy);

        // On their own, both modules report key-based access: the search default, the legacy literal.
        var alone = Run(search, legacy);
        Assert.AreEqual(1, alone.Count(f => f.Id == "INFRA2002" && f.Location!.FilePath == search), string.Join("\n", alone));
        Assert.AreEqual(1, alone.Count(f => f.Id == "INFRA2002" && f.Location!.FilePath == legacy), string.Join("\n", alone));

        // Deployed by main.json: search with disableLocalAuth true, legacy switched off. Nothing is left to report.
        var deployed = Run(main, search, legacy);
        Assert.AreEqual(0, deployed.Count(f => f.Id == "INFRA2002"), string.Join("\n", deployed));
        Assert.AreEqual(0, deployed.Count(f => f.Id == "INFRA0007"), string.Join("\n", deployed));
    }

    [TestMethod]
    public void A_caller_value_decides_a_finding_in_the_linked_file()
    {
        using var folder = new TempDirectory();
        var main = folder.Write("main.json", Linking("{}", Deployment("search", "modules/search.json", """{ "disableLocalAuth": { "value": false } }""")));
        var search = folder.Write("modules/search.json", Search.Replace("\"defaultValue\": false", "\"defaultValue\": true", StringComparison.Ordinal));
        var findings = Run(main, search);
        var finding = findings.Single(f => f.Id == "INFRA2002");
        Assert.AreEqual(search, finding.Location!.FilePath);
        Assert.AreEqual(12, finding.Location.Line);
    }
}
