using System.Diagnostics;
using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class EngineTests
{
    private static AnalysisResult Analyze(TempDirectory dir, string? bicep = null, TimeSpan? timeout = null, IReadOnlyList<Rule>? rules = null, bool explicitFiles = false)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = rules ?? BuiltInRules.All,
            BicepPath = bicep ?? TestEnvironment.BicepPath,
            CompileTimeout = timeout ?? TimeSpan.FromSeconds(60),
        });
        var files = explicitFiles
            ? Directory.GetFiles(dir.Path).Select(f => new InputFile(f, Explicit: true)).ToList()
            : InputDiscovery.Expand([dir.Path], out _);
        return engine.Analyze(files);
    }

    private static string[] Lines(AnalysisResult result, TempDirectory dir) =>
        result.Findings.Select(f => f.Location is { } l
            ? $"{Path.GetRelativePath(dir.Path, l.FilePath)}({l.Line},{l.Column}): {f.Id}"
            : $"(run): {f.Id}").ToArray();

    [TestMethod]
    public void Fifty_bicep_files_start_the_compiler_once()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 50; i++)
            dir.Write($"app{i:00}.bicep", Templates.SiteWithSecretSetting);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var result = engine.Analyze(InputDiscovery.Expand([dir.Path], out _));

        Assert.AreEqual(1, result.CompilerStarts);
        Assert.AreEqual(50, result.FilesAnalyzed);
        Assert.AreEqual(50, result.Findings.Count(f => f.Id == "INFRA1001" && f.Location!.Line == 10 && f.Location.Column == 11));
    }

    [TestMethod]
    public void A_compile_error_is_reported_with_the_compilers_first_error_and_other_files_still_run()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.bicep", "resource site 'Microsoft.Web/sites@2023-12-01' = {\n  name: 'x'\n  location:\n}\n");
        dir.Write("good.bicep", Templates.SiteWithSecretSetting);
        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "broken.bicep(3,12): INFRA0001", "good.bicep(10,11): INFRA1001" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "BCP009");
        Assert.AreEqual(Severity.Error, result.Findings[0].Severity);
    }

    [TestMethod]
    public void Bad_json_is_reported_when_it_is_a_template_and_other_json_is_skipped()
    {
        using var dir = new TempDirectory();
        dir.Write("broken.json", "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n  \"resources\": [ { \"type\": \n}");
        dir.Write("package.json", "{ \"name\": \"not-a-template\" }");
        dir.Write("notes.json", "this is { not json");
        dir.Write("flow.json", Templates.ArmWorkflowWithoutIdentity);
        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "broken.json(4,1): INFRA0001", "flow.json(6,7): INFRA2001" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "invalid JSON");
    }

    [TestMethod]
    public void Files_named_explicitly_are_reported_when_they_are_not_templates_or_empty()
    {
        using var dir = new TempDirectory();
        dir.Write("package.json", "{ \"name\": \"not-a-template\" }");
        dir.Write("empty.bicep", "  \n");
        dir.Write("empty.json", "");
        var result = Analyze(dir, explicitFiles: true);

        // An empty .bicep file is an empty template, as for the compiler (issue 21); an empty JSON file is no template.
        CollectionAssert.AreEqual(new[] { "empty.json(1,1): INFRA0001", "package.json(1,1): INFRA0001" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "empty");
        StringAssert.Contains(result.Findings[1].Message, "not an ARM deployment template");
    }

    [TestMethod]
    public void A_missing_compiler_is_reported_once_and_json_is_still_analyzed()
    {
        using var dir = new TempDirectory();
        dir.Write("a.bicep", Templates.SiteWithSecretSetting);
        dir.Write("b.bicep", Templates.SiteWithSecretSetting);
        dir.Write("flow.json", Templates.ArmWorkflowWithoutIdentity);
        var result = Analyze(dir, bicep: Path.Combine(dir.Path, "no-such-bicep"));

        CollectionAssert.AreEqual(new[] { "(run): INFRA0002", "flow.json(6,7): INFRA2001" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "2 Bicep file(s) were not analyzed");
    }

    [TestMethod]
    public void An_unrestorable_registry_module_is_analysed_as_opaque_without_waiting_for_a_restore()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", "module types 'br/public:avm/utl/types/avm-common-types:0.5.1' = {\n  name: 'types'\n}\n");
        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "main.bicep(1,1): INFRA0007" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "'br/public:avm/utl/types/avm-common-types:0.5.1' (line 1)");
        Assert.AreEqual(1, result.FilesAnalyzed);
    }

    [TestMethod]
    public void Registry_references_reached_through_local_modules_and_registry_extensions_are_opaque()
    {
        using var dir = new TempDirectory();
        dir.Write("bicepconfig.json", """{ "extensions": { "graph": "br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0" } }""");
        dir.Write("modules/inner.bicep", "import { lockType } from 'br/public:avm/utl/types/avm-common-types:0.5.1'\nparam lock lockType?\n");
        dir.Write("main.bicep", "param x string = 'a'\nmodule inner 'modules/inner.bicep' = {\n  name: 'inner'\n}\n");
        dir.Write("graph.bicep", "extension graph\nparam y string = 'b'\n");
        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "graph.bicep(1,1): INFRA0007", "main.bicep(1,1): INFRA0007", "modules/inner.bicep(1,1): INFRA0007" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "'graph' (line 1): it is not in the local module cache");
        StringAssert.Contains(result.Findings[1].Message, "'br/public:avm/utl/types/avm-common-types:0.5.1' (in modules/inner.bicep, line 1)");
    }

    [TestMethod]
    public void A_finding_in_a_local_module_is_reported_in_the_module_file_once()
    {
        using var dir = new TempDirectory();
        dir.Write("modules/web.bicep", Templates.SiteWithSecretSetting);
        var module = "module web{0} 'modules/web.bicep' = {{\n  name: 'web{0}'\n  params: {{\n    apiKey: 'not-a-real-key'\n  }}\n}}\n";
        dir.Write("main.bicep", string.Format(module, 1) + string.Format(module, 2));
        dir.Write("other.bicep", string.Format(module, 3));

        var onlyEntry = Analyze(dir, explicitFiles: true);
        CollectionAssert.AreEqual(new[] { "modules/web.bicep(10,11): INFRA1001" }, Lines(onlyEntry, dir));
    }

    [TestMethod]
    public void Nested_inline_arm_deployments_are_analyzed_in_place()
    {
        using var dir = new TempDirectory();
        dir.Write("nested.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "resources": [
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2022-09-01",
                  "name": "inner",
                  "properties": {
                    "mode": "Incremental",
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "template": {
                      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                      "contentVersion": "1.0.0.0",
                      "resources": [
                        { "type": "Microsoft.Logic/workflows", "apiVersion": "2019-05-01", "name": "flow", "location": "westeurope", "properties": {} }
                      ]
                    }
                  }
                }
              ]
            }
            """);
        CollectionAssert.AreEqual(new[] { "nested.json(16,15): INFRA2001" }, Lines(Analyze(dir), dir));
    }

    [TestMethod]
    public void A_rule_that_throws_gives_INFRA0005_and_other_rules_still_report()
    {
        using var dir = new TempDirectory();
        dir.Write("flow.json", Templates.ArmWorkflowWithoutIdentity);
        var result = Analyze(dir, rules: [new ThrowingRule(), .. BuiltInRules.All]);

        CollectionAssert.AreEqual(new[] { "flow.json(1,1): INFRA0005", "flow.json(6,7): INFRA2001" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "TEST9999");
    }

    private sealed class ThrowingRule : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST9999", "Always throws", "never", RuleCategory.Tooling, Severity.Warning);

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report) => throw new InvalidOperationException("boom");
    }
}
