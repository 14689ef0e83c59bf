using InfraLint.Core.Engine;
using InfraLint.Sdk.Testing;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// Deployments, not files: each testdata/rules/*/deployments folder is analysed as a whole, as a repository is. A module
/// that a file of the folder deploys is analysed through its callers only, so its findings are its plain and
/// <c>expect via</c> markers; its <c>expect alone</c> markers (what it shows on its own defaults) must not be reported.
/// </summary>
[TestClass]
public sealed class DeploymentFolderTests
{
    public static IEnumerable<object[]> Folders() =>
        Directory.EnumerateDirectories(TestEnvironment.TestData("rules"), "deployments", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestEnvironment.TestData("rules"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });

    [TestMethod]
    [DynamicData(nameof(Folders))]
    public void A_folder_reports_its_modules_through_their_callers(string relativeFolder)
    {
        var folder = TestEnvironment.TestData("rules", relativeFolder);
        var files = Directory.EnumerateFiles(folder, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var findings = InfraLintEngine.Run(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath },
            files.Select(f => new InputFile(f))).Findings;
        var report = string.Concat(files.Select(f =>
            TestDataComparison.Compare(f, ExpectationReader.Read(f).Where(e => !e.Alone).ToList(), findings, Path.GetRelativePath(folder, f))));
        if (report.Length > 0)
            Assert.Fail(report);
    }

    [TestMethod]
    public void A_finding_that_holds_only_on_a_module_default_says_so()
    {
        var folder = TestEnvironment.TestData("rules", "INFRA2002", "deployments");
        var findings = InfraLintEngine.Run(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath },
            [new InputFile(Path.Combine(folder, "main.bicep"))]).Findings;
        var onDefault = findings.Single(f => f.Location!.FilePath.EndsWith("logs-storage.bicep", StringComparison.Ordinal));
        StringAssert.EndsWith(onDefault.Message, " (parameter 'allowSharedKeyAccess' default; no caller sets it)");
        var fromCaller = findings.Single(f => f.Location!.FilePath.EndsWith("main.bicep", StringComparison.Ordinal));
        Assert.AreEqual(9, fromCaller.Location!.Line);
        Assert.IsFalse(fromCaller.Message.Contains("default", StringComparison.Ordinal), fromCaller.Message);
    }
}
