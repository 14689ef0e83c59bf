using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Writers;
using InfraLint.Rules.Secrets;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Writers;

[TestClass]
public sealed class ReportTests
{
    private static readonly RuleDescriptor Rule = SecretSettingRule.Descriptor;

    private static Finding At(string file, int line, string? property = "properties.siteConfig.appSettings[0].name", Severity severity = Severity.Warning, string resource = "site") =>
        new(Rule, severity, new SourceLocation(file, line, 11), $"App setting 'KEY' of '{resource}' holds a secret", resource, "Microsoft.Web/sites", property);

    [TestMethod]
    public void Text_lists_reported_findings_as_canonical_lines_and_leaves_out_the_rest()
    {
        using var dir = new TempDirectory();
        var root = new SourceRoot(dir.Path);
        var file = Path.Combine(dir.Path, "infra", "main.bicep");
        var shown = At(file, 10);
        var report = new Report(
        [
            new ReportedFinding(shown, "a", BaselineState.New),
            new ReportedFinding(At(file, 12, severity: Severity.Silent), "b"),
            new ReportedFinding(At(file, 14), "c", BaselineState.Unchanged),
            new ReportedFinding(At(file, 16) with { Suppression = new Suppression(SuppressionKind.InSource, "test fixture") }, "d"),
        ], root, dir.Path, 1);

        Assert.AreEqual(TextFormatter.Format(shown, dir.Path) + "\n", new TextReportWriter().Write(report));
        Assert.AreEqual("infra/main.bicep(10,11): warning INFRA1001: App setting 'KEY' of 'site' holds a secret\n", new TextReportWriter().Write(report));
    }

    [TestMethod]
    public void Fingerprint_ignores_lines_and_columns_and_the_machine_path_of_the_root()
    {
        var a = new SourceRoot("/home/alice/repo");
        var b = new SourceRoot("/agent/_work/1/s");
        var atTen = FindingFingerprint.Compute(At("/home/alice/repo/infra/main.bicep", 10), a);

        Assert.AreEqual(atTen, FindingFingerprint.Compute(At("/home/alice/repo/infra/main.bicep", 30), a));
        Assert.AreEqual(atTen, FindingFingerprint.Compute(At("/agent/_work/1/s/infra/main.bicep", 10), b));
        StringAssert.Matches(atTen, new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
    }

    [TestMethod]
    public void Fingerprint_changes_with_rule_file_resource_and_property()
    {
        var root = new SourceRoot("/repo");
        var finding = At("/repo/infra/main.bicep", 10);
        var fingerprints = new[]
        {
            finding,
            finding with { Descriptor = ToolDiagnostics.RuleFailed },
            finding with { Location = new SourceLocation("/repo/infra/other.bicep", 10, 11) },
            finding with { ResourceName = "site2" },
            finding with { ResourceType = "Microsoft.Web/sites/slots" },
            finding with { PropertyPath = "properties.siteConfig.appSettings[1].name" },
            finding with { PropertyPath = null },
            finding with { Location = null },
        }.Select(f => FindingFingerprint.Compute(f, root)).ToList();

        Assert.AreEqual(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [TestMethod]
    public void Source_root_is_the_nearest_directory_with_git_else_the_start()
    {
        using var dir = new TempDirectory();
        var repo = Path.Combine(dir.Path, "repo");
        var worktree = Path.Combine(dir.Path, "worktree");
        var plain = Path.Combine(dir.Path, "plain", "infra");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        Directory.CreateDirectory(Path.Combine(repo, "infra", "modules"));
        dir.Write("worktree/.git", "gitdir: elsewhere\n");
        Directory.CreateDirectory(Path.Combine(worktree, "infra"));
        Directory.CreateDirectory(plain);

        Assert.AreEqual(repo, SourceRoot.Discover(Path.Combine(repo, "infra", "modules")).Directory);
        Assert.AreEqual(worktree, SourceRoot.Discover(Path.Combine(worktree, "infra")).Directory);
        Assert.AreEqual(plain, SourceRoot.Discover(plain).Directory);
    }

    [TestMethod]
    public void Relative_paths_use_forward_slashes_and_are_null_outside_the_root()
    {
        var root = new SourceRoot(Path.Combine(Path.GetTempPath(), "repo"));
        Assert.AreEqual("infra/main.bicep", root.RelativePath(Path.Combine(root.Directory, "infra", "main.bicep")));
        Assert.IsNull(root.RelativePath(Path.Combine(Path.GetTempPath(), "elsewhere", "main.bicep")));
        Assert.IsNull(root.RelativePath(Path.Combine(Path.GetTempPath(), "repo2", "main.bicep")));
        Assert.AreEqual("..data/x.bicep", root.RelativePath(Path.Combine(root.Directory, "..data", "x.bicep")));
    }

    [TestMethod]
    public void Report_file_is_utf8_without_bom_and_an_unchanged_file_is_not_rewritten()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "out", "report.txt");

        Assert.IsTrue(ReportFile.WriteIfChanged(path, "é\n"));
        CollectionAssert.AreEqual(new byte[] { 0xC3, 0xA9, 0x0A }, File.ReadAllBytes(path));

        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, past);
        Assert.IsFalse(ReportFile.WriteIfChanged(path, "é\n"));
        Assert.AreEqual(past, File.GetLastWriteTimeUtc(path));

        Assert.IsTrue(ReportFile.WriteIfChanged(path, "e\n"));
        Assert.AreNotEqual(past, File.GetLastWriteTimeUtc(path));
    }
}
