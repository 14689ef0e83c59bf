using System.Reflection;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Rules.Secrets;
using InfraLint.Sdk;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Reporting.Tests.Sarif;

[TestClass]
public sealed class SarifReportWriterTests
{
    private static GoldenRun run = null!;
    private static string sarif = null!;

    [ClassInitialize]
    public static void AnalyzeTheGoldenInput(TestContext _)
    {
        run = new GoldenRun();
        sarif = GoldenRun.Writer().Write(run.Analyze());
    }

    [ClassCleanup]
    public static void DeleteTheCopy() => run.Dispose();

    private static JObject Log => JObject.Parse(sarif);

    private static JObject Run => (JObject)Log["runs"]![0]!;

    private static IEnumerable<JObject> Results => Run["results"]!.Cast<JObject>();

    [TestMethod]
    public void Matches_the_golden_file_and_the_schema()
    {
        SarifSchema.AssertValid(sarif);
        GoldenRun.AssertMatchesGolden(sarif, "check.sarif");
    }

    [TestMethod]
    public void Is_byte_identical_across_runs_folders_and_file_orders()
    {
        using var other = new GoldenRun();
        Assert.AreEqual(sarif, GoldenRun.Writer().Write(other.Analyze()), "a second run in another folder");
        Assert.AreEqual(sarif, GoldenRun.Writer().Write(other.Analyze(reverse: true)), "files handed over in reverse order");

        var report = run.Analyze();
        var shuffled = report with { Findings = report.Findings.OrderBy(f => f.Fingerprint, StringComparer.Ordinal).Reverse().ToList() };
        Assert.AreEqual(sarif, GoldenRun.Writer().Write(shuffled), "findings in another order");
    }

    [TestMethod]
    public void Is_utf8_without_bom_with_unix_line_endings_and_no_machine_paths()
    {
        Assert.AreNotEqual('\uFEFF', sarif[0]);
        Assert.IsFalse(sarif.Contains('\r'), "CR in the output");
        Assert.IsTrue(sarif.EndsWith("}\n", StringComparison.Ordinal));
        Assert.IsFalse(sarif.Contains(run.Root, StringComparison.Ordinal), "the analysed folder's absolute path is in the output");
        Assert.IsFalse(sarif.Contains(Path.GetTempPath().TrimEnd('/'), StringComparison.Ordinal), "the temp folder is in the output");
        Assert.IsFalse(sarif.Contains("file:", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Never_contains_the_secret_values_of_the_input()
    {
        StringAssert.Contains(File.ReadAllText(run.File("infra/main.bicep")), "sk-golden-0123456789abcdef");
        Assert.IsFalse(sarif.Contains("sk-golden", StringComparison.Ordinal));
        Assert.IsFalse(sarif.Contains("golden0123456789", StringComparison.Ordinal));
        Assert.IsFalse(sarif.Contains("snippet", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Describes_every_rule_of_the_catalogue_sorted_by_id()
    {
        var rules = Run["tool"]!["driver"]!["rules"]!.Cast<JObject>().ToList();
        var expected = GoldenRun.Catalogue.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, rules.Select(r => (string)r["id"]!).ToList());

        var secret = rules.Single(r => (string)r["id"]! == "INFRA1001");
        Assert.AreEqual("SecretShapedAppSettingOrEnvironmentVariableHasAPlainValue", (string)secret["name"]!);
        Assert.AreEqual(SecretSettingRule.Descriptor.Title, (string)secret["shortDescription"]!["text"]!);
        Assert.AreEqual(SecretSettingRule.Descriptor.Description, (string)secret["fullDescription"]!["text"]!);
        Assert.AreEqual(SecretSettingRule.Descriptor.HelpLink, (string)secret["helpUri"]!);
        Assert.AreEqual("warning", (string)secret["defaultConfiguration"]!["level"]!);
        Assert.AreEqual("Secrets", (string)secret["properties"]!["category"]!);
        CollectionAssert.AreEqual(new[] { "security", "secrets" }, secret["properties"]!["tags"]!.Select(t => (string)t!).ToArray());

        var tooling = rules.Single(r => (string)r["id"]! == "INFRA0001");
        Assert.AreEqual("error", (string)tooling["defaultConfiguration"]!["level"]!);
        CollectionAssert.AreEqual(new[] { "tooling" }, tooling["properties"]!["tags"]!.Select(t => (string)t!).ToArray());
    }

    [TestMethod]
    public void Results_point_at_their_rule_and_at_repo_relative_locations()
    {
        var rules = Run["tool"]!["driver"]!["rules"]!;
        foreach (var result in Results)
            Assert.AreEqual((string)result["ruleId"]!, (string)rules[(int)result["ruleIndex"]!]!["id"]!);

        var setting = Results.Single(r => (string)r["ruleId"]! == "INFRA1001" && ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).EndsWith(".bicep"));
        var physical = setting["locations"]![0]!["physicalLocation"]!;
        Assert.AreEqual("infra/main.bicep", (string)physical["artifactLocation"]!["uri"]!);
        Assert.AreEqual("%SRCROOT%", (string)physical["artifactLocation"]!["uriBaseId"]!);
        Assert.AreEqual(13, (int)physical["region"]!["startLine"]!);
        Assert.AreEqual(11, (int)physical["region"]!["startColumn"]!);
        Assert.AreEqual("warning", (string)setting["level"]!);
        var resource = setting["locations"]![0]!["logicalLocations"]![0]!;
        Assert.AreEqual("web", (string)resource["name"]!);
        Assert.AreEqual("resource", (string)resource["kind"]!);
        Assert.AreEqual("Microsoft.Web/sites", (string)resource["properties"]!["resourceType"]!);
        StringAssert.Matches((string)setting["partialFingerprints"]!["infralint/v1"]!, new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        Assert.IsNull(setting["baselineState"], "no baseline, no baselineState");

        var spaced = Results.First(r => ((string)r["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).Contains("legacy"));
        Assert.AreEqual("infra/arm/legacy%20worker.json", (string)spaced["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.IsNull(Run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"], "the root's absolute path is not written");
    }

    [TestMethod]
    public void Levels_follow_the_effective_severity()
    {
        var root = new SourceRoot("/repo");
        var finding = new Finding(SecretSettingRule.Descriptor, Severity.Warning, new SourceLocation("/repo/a.bicep", 1, 1), "m", "site", "Microsoft.Web/sites");
        var report = Report.Of(
        [
            finding with { Severity = Severity.Error },
            finding with { Severity = Severity.Warning, Location = new SourceLocation("/repo/b.bicep", 1, 1) },
            finding with { Severity = Severity.Suggestion, Location = new SourceLocation("/repo/c.bicep", 1, 1) },
            finding with { Severity = Severity.Silent, Location = new SourceLocation("/repo/d.bicep", 1, 1) },
        ], root, "/repo", 4);

        var written = GoldenRun.Writer().Write(report);
        SarifSchema.AssertValid(written);
        var levels = JObject.Parse(written)["runs"]![0]!["results"]!.Select(r => (string)r["level"]!).ToArray();
        CollectionAssert.AreEqual(new[] { "error", "warning", "note", "none" }, levels);
    }

    [TestMethod]
    public void Findings_without_a_location_or_outside_the_root_are_still_valid()
    {
        var root = new SourceRoot("/repo");
        var report = Report.Of(
        [
            new Finding(ToolDiagnostics.CompilerFailed, Severity.Error, null, "Bicep compiler not found"),
            new Finding(SecretSettingRule.Descriptor, Severity.Warning, new SourceLocation("/elsewhere/x y.bicep", 2, 3), "m", "site", "Microsoft.Web/sites", "properties.x"),
        ], root, "/repo", 1);

        var written = GoldenRun.Writer().Write(report);
        SarifSchema.AssertValid(written);
        var results = JObject.Parse(written)["runs"]![0]!["results"]!;
        Assert.IsNull(results[0]!["locations"]);
        var outside = results[1]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.AreEqual("file:///elsewhere/x%20y.bicep", (string)outside["uri"]!);
        Assert.IsNull(outside["uriBaseId"]);
    }

    [TestMethod]
    public void Suppressions_are_written_with_kind_and_justification()
    {
        var root = new SourceRoot("/repo");
        var finding = new Finding(SecretSettingRule.Descriptor, Severity.Warning, new SourceLocation("/repo/a.bicep", 4, 5), "m", "site", "Microsoft.Web/sites", "properties.x");
        var inSource = finding with { Suppression = new Suppression(SuppressionKind.InSource, "a test fixture, never deployed") };
        var external = finding with { Location = new SourceLocation("/repo/a.bicep", 9, 5), Suppression = new Suppression(SuppressionKind.External, "accepted until the key is rotated") };
        var report = new Report(
        [
            new ReportedFinding(inSource, FindingFingerprint.Compute(inSource, root)),
            new ReportedFinding(external, FindingFingerprint.Compute(external, root)),
        ], root, "/repo", 1);

        var written = GoldenRun.Writer().Write(report);
        SarifSchema.AssertValid(written);
        var suppressions = JObject.Parse(written)["runs"]![0]!["results"]!.SelectMany(r => r["suppressions"]!);
        CollectionAssert.AreEqual(new[] { "inSource:a test fixture, never deployed", "external:accepted until the key is rotated" },
            suppressions.Select(s => $"{s["kind"]}:{s["justification"]}").ToArray());
    }

    [TestMethod]
    public void A_rule_outside_the_catalogue_is_described_too()
    {
        var packRule = new RuleDescriptor("CONTOSO1001", "Storage account name lacks the team prefix", "Name '{0}' lacks the prefix", RuleCategory.Secrets, Severity.Warning, "https://contoso.example/rules/CONTOSO1001");
        var root = new SourceRoot("/repo");
        var report = Report.Of([new Finding(packRule, Severity.Warning, new SourceLocation("/repo/a.bicep", 1, 1), "Name 'st' lacks the prefix")], root, "/repo", 1);

        var log = JObject.Parse(GoldenRun.Writer().Write(report));
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!;
        var index = (int)log["runs"]![0]!["results"]![0]!["ruleIndex"]!;
        Assert.AreEqual("CONTOSO1001", (string)rules[index]!["id"]!);
        Assert.IsNull(rules[index]!["fullDescription"], "no description, no fullDescription");
        Assert.AreEqual("https://contoso.example/rules/CONTOSO1001", (string)rules[index]!["helpUri"]!);
    }

    [TestMethod]
    public void Default_tool_version_is_the_product_version_without_build_metadata()
    {
        var informational = typeof(SarifReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.AreEqual(informational.Split('+')[0], InfraLintTool.Version);
        Assert.IsFalse(InfraLintTool.Version.Contains('+'));
        Assert.AreEqual(InfraLintTool.Version, new SarifReportWriter(catalogue: []).ToolVersion);
    }

    [TestMethod]
    [DataRow("Compute resource has no managed identity", "ComputeResourceHasNoManagedIdentity")]
    [DataRow("Secret-shaped app setting or environment variable has a plain value", "SecretShapedAppSettingOrEnvironmentVariableHasAPlainValue")]
    [DataRow("Keys or connection strings from `list*()` flow into app configuration", "KeysOrConnectionStringsFromListFlowIntoAppConfiguration")]
    [DataRow("AI model deployment upgrades its model version automatically", "AIModelDeploymentUpgradesItsModelVersionAutomatically")]
    public void Rule_names_are_the_title_in_pascal_case(string title, string name) =>
        Assert.AreEqual(name, SarifRules.PascalCase(title));
}
