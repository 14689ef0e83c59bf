using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Rules;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Reporting.Tests.Sarif;

/// <summary>A rule pack appears in SARIF as a tool extension with its rules, and its results point into it.</summary>
[TestClass]
public sealed class RulePackSarifTests
{
    [TestMethod]
    public void Pack_is_a_tool_extension_and_its_results_reference_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "infralint-sarif-packs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        try
        {
            File.WriteAllText(Path.Combine(root, "main.json"), """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [
                    {
                      "type": "Microsoft.Web/serverfarms",
                      "apiVersion": "2023-12-01",
                      "name": "plan-status",
                      "location": "eastus",
                      "tags": { "environment": "prod" },
                      "sku": { "name": "F1" }
                    }
                  ]
                }
                """);
            var pack = Path.Combine(TestEnvironment.RepoRoot, "samples", "RulePacks", "Contoso.Platform.Rules", "rules", "contoso.infralint-rules.json");
            using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, RulePacks = [pack] });
            var result = engine.Analyze([new InputFile(Path.Combine(root, "main.json"))]);
            var catalogue = BuiltInRules.All.Select(r => r.Describe).Concat(ToolDiagnostics.All);
            var sarif = new SarifReportWriter(catalogue: catalogue) { ToolVersion = "0.0.0-test" }.Write(RunReport.Create(result, root, root, null));

            SarifSchema.AssertValid(sarif);
            var run = JObject.Parse(sarif)["runs"]![0]!;
            var extension = (JObject)run["tool"]!["extensions"]!.Single();
            Assert.AreEqual("Contoso.Platform.Rules", (string?)extension["name"]);
            Assert.AreEqual("1.0.0", (string?)extension["version"]);
            Assert.AreEqual("https://contoso.example/platform/infralint", (string?)extension["informationUri"]);
            var packRules = extension["rules"]!.Select(r => (string?)r["id"]).ToList();
            CollectionAssert.AreEqual(new[] { "CONTOSO0001", "CONTOSO0002", "CONTOSO0003" }, packRules);
            Assert.AreEqual("https://contoso.example/platform/rules/CONTOSO0002", (string?)extension["rules"]![1]!["helpUri"]);
            Assert.IsFalse(run["tool"]!["driver"]!["rules"]!.Any(r => ((string?)r["id"])!.StartsWith("CONTOSO", StringComparison.Ordinal)), "pack rules are not the driver's");

            var results = run["results"]!.Where(r => ((string?)r["ruleId"])!.StartsWith("CONTOSO", StringComparison.Ordinal)).ToList();
            CollectionAssert.AreEqual(new[] { "CONTOSO0002", "CONTOSO0003" }, results.Select(r => (string?)r["ruleId"]).ToArray());
            foreach (var r in results)
            {
                Assert.AreEqual(0, (int)r["rule"]!["toolComponent"]!["index"]!);
                Assert.AreEqual(packRules.IndexOf((string?)r["ruleId"]), (int)r["ruleIndex"]!);
                Assert.AreEqual((int)r["ruleIndex"]!, (int)r["rule"]!["index"]!);
            }
            Assert.IsFalse(sarif.Contains(root, StringComparison.Ordinal), "no absolute path of the analysed folder");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
