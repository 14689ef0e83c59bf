using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Rules.Secrets;
using InfraLint.Sdk;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Reporting.Tests.Sarif;

[TestClass]
public sealed class SarifBaselineTests
{
    private const string MainBicep = "infra/main.bicep";
    private const string LegacyWorker = "infra/arm/legacy worker.json";

    private static SarifBaseline BaselineOf(GoldenRun run) =>
        SarifBaseline.Parse(GoldenRun.Writer().Write(run.Analyze()), "baseline.sarif");

    private static string[] States(Report report) =>
        report.Findings.Select(f => $"{f.Finding.Id} {report.Root.Display(f.Finding.Location!.FilePath)}({f.Finding.Location.Line}) {f.BaselineState}").ToArray();

    [TestMethod]
    public void Inserting_20_lines_above_a_finding_keeps_it_baselined()
    {
        using var run = new GoldenRun();
        run.Delete("infra/arm/broken.json");
        var baseline = BaselineOf(run);
        var before = run.Analyze().Findings.Single(f => f.Finding.Id == "INFRA1001" && f.Finding.Location!.FilePath.EndsWith(".bicep"));

        run.Edit(MainBicep, text => string.Concat(Enumerable.Range(1, 20).Select(i => $"// an unrelated line {i}\n")) + text);
        var report = baseline.Apply(run.Analyze());

        var after = report.Findings.Single(f => f.Finding.Id == "INFRA1001" && f.Finding.Location!.FilePath.EndsWith(".bicep"));
        Assert.AreEqual(before.Finding.Location!.Line + 20, after.Finding.Location!.Line, "the finding moved");
        Assert.AreEqual(before.Fingerprint, after.Fingerprint);
        Assert.IsTrue(report.Findings.All(f => f.BaselineState == BaselineState.Unchanged), string.Join('\n', States(report)));
        Assert.AreEqual(0, report.Reported.Count());
        Assert.AreEqual(0, new SarifReportWriter(baseline, GoldenRun.Catalogue).Write(report).Split("\"absent\"").Length - 1);
    }

    [TestMethod]
    public void Marks_new_unchanged_and_absent_results_as_the_golden_file_shows()
    {
        using var run = new GoldenRun();
        var baseline = BaselineOf(run);
        // The ARM worker's connection string goes to Key Vault (absent); the web app gets a second key (new)
        // below the first one, whose finding stays unchanged.
        run.Edit(LegacyWorker, text => text.Replace(
            "\"value\": \"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=golden0123456789=\"",
            "\"secureValue\": \"[parameters('serviceBusConnection')]\""));
        run.Edit(MainBicep, text => text.Replace(
            "        { name: 'OPENAI_API_KEY', value: 'sk-golden-0123456789abcdef' }\n",
            "        { name: 'OPENAI_API_KEY', value: 'sk-golden-0123456789abcdef' }\n        { name: 'SEARCH_ADMIN_KEY', value: 'golden-search-key-0123' }\n"));

        var report = baseline.Apply(run.Analyze());
        var sarif = new SarifReportWriter(baseline, GoldenRun.Catalogue) { ToolVersion = GoldenRun.ToolVersion }.Write(report);

        SarifSchema.AssertValid(sarif);
        GoldenRun.AssertMatchesGolden(sarif, "check-with-baseline.sarif");
        var results = JObject.Parse(sarif)["runs"]![0]!["results"]!;
        CollectionAssert.AreEqual(new[]
        {
            "INFRA0001 new",
            "INFRA2001 unchanged",
            "INFRA1001 unchanged",
            "INFRA1003 unchanged",
            "INFRA1001 new",
            "INFRA1003 new",
            "INFRA2001 unchanged",
            "INFRA1001 absent",
        }, results.Select(r => $"{r["ruleId"]} {r["baselineState"]}").ToArray());
        var absent = results.Last()!;
        Assert.AreEqual("infra/arm/legacy%20worker.json", (string)absent["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        Assert.AreEqual("INFRA1001", (string)JObject.Parse(sarif)["runs"]![0]!["tool"]!["driver"]!["rules"]![(int)absent["ruleIndex"]!]!["id"]!);
        Assert.IsFalse(sarif.Contains("golden-search-key", StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[] { "INFRA0001", "INFRA1001", "INFRA1003" }, report.Reported.Select(f => f.Finding.Id).ToArray());
    }

    [TestMethod]
    public void A_fingerprint_in_the_baseline_n_times_covers_n_findings()
    {
        var root = new SourceRoot("/repo");
        var finding = new Finding(SecretSettingRule.Descriptor, Severity.Warning, new SourceLocation("/repo/a.bicep", 3, 1), "m", "site", "Microsoft.Web/sites", "properties.x");
        var once = Report.Of([finding], root, "/repo", 1);
        var twice = Report.Of([finding, finding with { Location = new SourceLocation("/repo/a.bicep", 9, 1), Message = "m2" }], root, "/repo", 1);

        var baseline = SarifBaseline.Parse(GoldenRun.Writer().Write(once), "once.sarif");
        var states = baseline.Apply(twice).Findings.Select(f => f.BaselineState).ToArray();

        CollectionAssert.AreEqual(new[] { BaselineState.Unchanged, BaselineState.New }, states);
        Assert.AreEqual(1, baseline.Count);
    }

    [TestMethod]
    public void InfraLints_own_diagnostics_are_never_baselined_nor_absent()
    {
        var root = new SourceRoot("/repo");
        var unreadable = new Finding(Core.Inputs.ToolDiagnostics.TemplateNotAnalyzed, Severity.Error, new SourceLocation("/repo/a.json", 1, 1), "Template could not be analyzed: invalid JSON");
        var baseline = SarifBaseline.Parse(GoldenRun.Writer().Write(Report.Of([unreadable], root, "/repo", 0)), "tooling.sarif");

        var report = baseline.Apply(Report.Of([unreadable], root, "/repo", 0));
        Assert.AreEqual(BaselineState.New, report.Findings.Single().BaselineState);
        Assert.AreEqual(0, baseline.Count);

        var fixedRun = baseline.Apply(Report.Of([], root, "/repo", 1));
        Assert.IsFalse(new SarifReportWriter(baseline, GoldenRun.Catalogue).Write(fixedRun).Contains("\"absent\"", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Results_already_absent_in_the_baseline_baseline_nothing()
    {
        var root = new SourceRoot("/repo");
        var finding = new Finding(SecretSettingRule.Descriptor, Severity.Warning, new SourceLocation("/repo/a.bicep", 3, 1), "m", "site", "Microsoft.Web/sites", "properties.x");
        var first = SarifBaseline.Parse(GoldenRun.Writer().Write(Report.Of([finding], root, "/repo", 1)), "first.sarif");
        var gone = first.Apply(Report.Of([], root, "/repo", 1));
        var withAbsent = new SarifReportWriter(first, GoldenRun.Catalogue).Write(gone);
        StringAssert.Contains(withAbsent, "\"baselineState\": \"absent\"");

        var second = SarifBaseline.Parse(withAbsent, "second.sarif");
        Assert.AreEqual(0, second.Count);
        Assert.AreEqual(BaselineState.New, second.Apply(Report.Of([finding], root, "/repo", 1)).Findings.Single().BaselineState);
    }

    [TestMethod]
    [DataRow("not json", "is not a SARIF log")]
    [DataRow("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"OtherTool"}},"results":[]}]}""", "holds no InfraLint run")]
    [DataRow("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"InfraLint"}},"results":[{"ruleId":"INFRA1001","message":{"text":"m"}}]}]}""", "without a 'infralint/v1' fingerprint")]
    public void Rejects_files_that_are_not_infralint_baselines(string text, string reason)
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => SarifBaseline.Parse(text, "b.sarif"));
        StringAssert.Contains(error.Message, "baseline 'b.sarif'");
        StringAssert.Contains(error.Message, reason);
    }

    [TestMethod]
    public void An_empty_baseline_marks_everything_new()
    {
        var root = new SourceRoot("/repo");
        var empty = SarifBaseline.Parse(GoldenRun.Writer().Write(Report.Of([], root, "/repo", 0)), "empty.sarif");
        var finding = new Finding(SecretSettingRule.Descriptor, Severity.Warning, new SourceLocation("/repo/a.bicep", 3, 1), "m", "site", "Microsoft.Web/sites");
        Assert.AreEqual(BaselineState.New, empty.Apply(Report.Of([finding], root, "/repo", 1)).Findings.Single().BaselineState);
    }
}
