using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>.bicepparam and ARM *.parameters.json files: the template is analysed with the values they set.</summary>
[TestClass]
public sealed class ParametersFileTests
{
    private const string Template = """
        param identityType string = 'SystemAssigned'
        param settingName string = 'FEATURE_FLAGS'
        // not @secure(): a @secure() value is a secret in every deployment, whatever its default (issue 23)
        param settingValue string = ''

        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app'
          location: 'westeurope'
          identity: { type: identityType }
          properties: {
            siteConfig: {
              appSettings: [
                { name: settingName, value: settingValue }
              ]
            }
          }
        }
        """;

    private static string[] Analyze(TempDirectory dir, params string[] explicitFiles)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var files = explicitFiles.Length > 0
            ? explicitFiles.Select(f => new InputFile(Path.Combine(dir.Path, f), true)).ToList()
            : InputDiscovery.Expand([dir.Path], out _);
        return engine.Analyze(files).Findings
            .Select(f => $"{Path.GetRelativePath(dir.Path, f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {f.Id}: {f.Message}")
            .ToArray();
    }

    [TestMethod]
    public void A_bicepparam_file_analyses_its_template_with_its_values()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", Template);
        dir.Write("dev.bicepparam", "using 'main.bicep'\nparam identityType = 'SystemAssigned'\n");
        dir.Write("prod.bicepparam", "using 'main.bicep'\nparam identityType = 'None'\nparam settingName = 'OPENAI_API_KEY'\nparam settingValue = 'not-a-real-key'\n");

        var findings = Analyze(dir);

        CollectionAssert.AreEqual(new[]
        {
            "main.bicep(6,1): INFRA2001: 'site' (Microsoft.Web/sites) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets",
            "main.bicep(13,11): INFRA1001: App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
        }, findings);
        Assert.IsFalse(findings.Any(f => f.Contains("not-a-real-key", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_bicepparam_file_with_an_error_is_reported_on_itself()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", Template);
        dir.Write("broken.bicepparam", "using 'main.bicep'\nparam identityType = \n");
        var findings = Analyze(dir, "broken.bicepparam");
        Assert.AreEqual(1, findings.Length, string.Join("\n", findings));
        StringAssert.StartsWith(findings[0], "broken.bicepparam(2,");
        StringAssert.Contains(findings[0], "INFRA0001");
    }

    [TestMethod]
    public void An_arm_parameters_file_analyses_the_template_beside_it()
    {
        using var dir = new TempDirectory();
        dir.Write("flow.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "identityType": { "type": "string", "defaultValue": "SystemAssigned" } },
              "resources": [
                {
                  "type": "Microsoft.Logic/workflows",
                  "apiVersion": "2019-05-01",
                  "name": "flow",
                  "location": "westeurope",
                  "identity": { "type": "[parameters('identityType')]" },
                  "properties": {}
                }
              ]
            }
            """);
        dir.Write("flow.prod.parameters.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "identityType": { "value": "None" } }
            }
            """);
        dir.Write("main.bicep", Template);
        dir.Write("main.parameters.json", """
            { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": { "identityType": { "value": "None" } } }
            """);

        CollectionAssert.AreEqual(new[]
        {
            "flow.json(7,7): INFRA2001: 'flow' (Microsoft.Logic/workflows) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets",
            "main.bicep(6,1): INFRA2001: 'site' (Microsoft.Web/sites) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets",
        }, Analyze(dir));
    }

    [TestMethod]
    public void A_parameters_file_named_like_its_bicep_template_pairs_with_it()
    {
        // AVM's deployment-script tests keep read.bicep and its values in read.json side by side.
        using var dir = new TempDirectory();
        dir.Write("read.bicep", Template);
        dir.Write("read.json", """
            { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0",
              "parameters": { "identityType": { "value": "None" } } }
            """);
        dir.Write("orphan.json", """
            { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {} }
            """);

        var findings = Analyze(dir);
        CollectionAssert.Contains(findings, "read.bicep(6,1): INFRA2001: 'site' (Microsoft.Web/sites) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets", string.Join("\n", findings));
        Assert.IsFalse(findings.Any(f => f.StartsWith("read.json", StringComparison.Ordinal)), string.Join("\n", findings));
        Assert.IsTrue(findings.Any(f => f.StartsWith("orphan.json(1,1): INFRA0001", StringComparison.Ordinal)), string.Join("\n", findings));
    }
}
