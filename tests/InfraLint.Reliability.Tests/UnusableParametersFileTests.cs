using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// A parameters file InfraLint cannot apply to a template (truncated, broken, duplicate keys, no template beside it,
/// a missing <c>using</c> target) is INFRA0001, and the credentials written in it are still INFRA1003 at their lines.
/// </summary>
[TestClass]
public sealed class UnusableParametersFileTests
{
    private const string Jwt = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAic3ZjLW9yZGVycyIsICJhdWQiOiAiYXBpOi8vb3JkZXJzIiwgImV4cCI6IDE4OTM0NTYwMDB9.lo06ljgBErWhDzoR5wjcVBKDPEerfDaKIbnv4ZKTeT4";
    private const string ApiKey = "sk-mjxWkI9X7H6aMuFbh7x41Ztpdp4K8ffUF0eWIXiiQE8JkqH3";
    private const string Header = "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"contentVersion\": \"1.0.0.0\",\n";

    [TestMethod]
    public void A_truncated_parameters_file_is_INFRA0001_and_its_credentials_are_still_reported()
    {
        using var workspace = new TempDirectory();
        workspace.Write("main.json", Template);
        // Cut off after the second parameter's value, as an interrupted commit or an attacker leaves it.
        workspace.Write("main.parameters.json",
            Header + "  \"parameters\": {\n    \"webhookToken\": {\n      \"value\": \"" + Jwt + "\"\n    },\n    \"sqlAdminPassword\": {\n      \"value\": \"Pr0d-Sql!Admin#2025\"\n    }");

        var findings = Analyze(workspace);

        CollectionAssert.AreEquivalent(new[] { "INFRA0001 (10,5)", "INFRA1003 (6,7)", "INFRA1003 (9,7)" }, findings, string.Join("\n", findings));
    }

    [TestMethod]
    public void A_parameters_file_with_no_template_beside_it_is_INFRA0001_and_its_credentials_are_still_reported()
    {
        using var workspace = new TempDirectory();
        workspace.Write("prod.parameters.json",
            Header + "  \"parameters\": {\n    \"webhookToken\": {\n      \"value\": \"" + Jwt + "\"\n    },\n    \"location\": {\n      \"value\": \"westeurope\"\n    }\n  }\n}\n");

        var findings = Analyze(workspace);

        CollectionAssert.AreEquivalent(new[] { "INFRA0001 (1,1)", "INFRA1003 (6,7)" }, findings, string.Join("\n", findings));
    }

    // Duplicate keys: which value deploys is the reader's choice, so the file is INFRA0001, and every value is checked
    // (a reader that keeps the last one would otherwise never see the first).
    [TestMethod]
    public void Every_value_of_a_duplicate_key_is_checked_and_the_file_is_INFRA0001()
    {
        using var workspace = new TempDirectory();
        workspace.Write("main.json", Template);
        workspace.Write("main.parameters.json",
            Header + "  \"parameters\": {\n    \"webhookToken\": {\n      \"value\": \"" + Jwt + "\"\n    },\n    \"webhookToken\": {\n      \"value\": \"placeholder\"\n    },\n" +
            "    \"apiKey\": {\n      \"value\": \"" + ApiKey + "\",\n      \"value\": \"\"\n    }\n  }\n}\n");

        var findings = Analyze(workspace);

        CollectionAssert.AreEquivalent(new[] { "INFRA0001 (8,19)", "INFRA1003 (6,7)", "INFRA1003 (12,7)" }, findings, string.Join("\n", findings));
    }

    [TestMethod]
    public void A_bicepparam_whose_template_is_missing_is_INFRA0001_and_its_credentials_are_still_reported()
    {
        using var workspace = new TempDirectory();
        workspace.Write("prod.bicepparam", $"using 'missing.bicep'\n\nparam apiKey = '{ApiKey}'\nparam sku = 'Premium_LRS'\n");

        var findings = Analyze(workspace);

        CollectionAssert.AreEquivalent(new[] { "INFRA0001 (1,1)", "INFRA1003 (3,1)" }, findings, string.Join("\n", findings));
    }

    [TestMethod]
    public void A_bicepparam_that_does_not_compile_is_INFRA0001_and_its_credentials_are_still_reported()
    {
        using var workspace = new TempDirectory();
        workspace.Write("main.bicep", "param apiKey string\nparam sku string\n");
        workspace.Write("main.bicepparam", $"using 'main.bicep'\n\nparam apiKey = '{ApiKey}'\nparam sku = \n");

        var findings = Analyze(workspace);

        Assert.IsTrue(findings.Any(f => f.StartsWith("INFRA0001 ", StringComparison.Ordinal)), string.Join("\n", findings));
        CollectionAssert.Contains(findings, "INFRA1003 (3,1)", string.Join("\n", findings));
    }

    [TestMethod]
    public void A_paired_parameters_file_is_analysed_with_its_template_as_before()
    {
        using var workspace = new TempDirectory();
        workspace.Write("main.json", Template);
        workspace.Write("main.parameters.json",
            Header + "  \"parameters\": {\n    \"webhookToken\": {\n      \"value\": \"" + Jwt + "\"\n    }\n  }\n}\n");

        var findings = Analyze(workspace);

        CollectionAssert.AreEquivalent(new[] { "INFRA1003 (6,7)" }, findings, string.Join("\n", findings));
    }

    private const string Template = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
            "webhookToken": { "type": "securestring" },
            "sqlAdminPassword": { "type": "securestring", "defaultValue": "" },
            "apiKey": { "type": "securestring", "defaultValue": "" }
          },
          "resources": []
        }
        """;

    private static List<string> Analyze(TempDirectory workspace)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var result = engine.Analyze(InputDiscovery.Expand([workspace.Path], out _));
        return result.Findings.Select(f => $"{f.Id} ({f.Location?.Line},{f.Location?.Column})").ToList();
    }
}
