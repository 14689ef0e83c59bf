using InfraLint.Core.Engine;
using InfraLint.Sdk.Testing;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// Runs every file under testdata/rules/ (.bicep, .bicepparam, ARM .json and its .parameters.json)
/// through the real compiler and all built-in rules, and
/// compares the findings with the file's inline expectations: a missing finding and an
/// unexpected one both fail, and the failure shows the template with both.
/// </summary>
[TestClass]
public sealed class RuleTestData
{
    private static InfraLintEngine? engine;

    public static IEnumerable<object[]> Files() =>
        Directory.EnumerateFiles(TestEnvironment.TestData("rules"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "infralint.json") // a folder's configuration, not a template
            .Where(f => !IsLoadedByATemplate(f)) // data a template reads with loadJsonContent(): checked with that template
            .Select(f => Path.GetRelativePath(TestEnvironment.TestData("rules"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });

    private static bool IsLoadedByATemplate(string path) =>
        path.EndsWith(".json", StringComparison.Ordinal) &&
        Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.bicep").Any(b => ExpectationReader.LoadedFiles(b).Contains(Path.GetFullPath(path)));

    [ClassInitialize]
    public static void StartEngine(TestContext _) =>
        engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });

    [ClassCleanup]
    public static void StopEngine() => engine?.Dispose();

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void Findings_match_the_inline_expectations(string relativePath)
    {
        var path = TestEnvironment.TestData("rules", relativePath);
        var difference = TestDataComparison.CompareWithDependents(path, engine!.Analyze([new InputFile(path, Explicit: true)]).Findings, relativePath);
        if (difference is not null)
            Assert.Fail(difference);
    }

    [TestMethod]
    public void Every_rule_folder_has_bicep_and_json_cases()
    {
        foreach (var rule in BuiltInRules.All)
        {
            var folder = TestEnvironment.TestData("rules", rule.Describe.Id);
            Assert.IsTrue(Directory.Exists(folder), $"{rule.Describe.Id} has no testdata folder");
            foreach (var extension in new[] { "*.bicep", "*.json" })
            {
                var files = Directory.GetFiles(folder, extension);
                Assert.IsTrue(files.Length > 0, $"{rule.Describe.Id} has no {extension} testdata");
                Assert.IsTrue(files.Any(f => ExpectationReader.Read(f).Any(e => e.Id == rule.Describe.Id)), $"{rule.Describe.Id} has no positive {extension} case");
            }
        }
    }
}
