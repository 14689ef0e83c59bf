using InfraLint.Core.Engine;
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
            .Select(f => Path.GetRelativePath(TestEnvironment.TestData("rules"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });

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
        // Findings inside a file the template loads (a policy XML) are reported in that file, with its own markers.
        var files = ExpectationReader.LoadedFiles(path).Prepend(path).ToList();
        var expected = files.SelectMany(f => ExpectationReader.Read(f).Select(e => e with { File = f == path ? null : Path.GetFileName(f) })).ToList();
        var actual = engine!.Analyze([new InputFile(path, Explicit: true)]).Findings
            .Where(f => f.Location is not null && files.Contains(f.Location.FilePath))
            .Select(f => (f.Id, f.Location!.Line, f.Location.Column, f.Message, File: f.Location.FilePath == path ? null : Path.GetFileName(f.Location.FilePath)))
            .ToList();

        var missing = expected.Where(e => !actual.Any(a => e.File == a.File && e.Matches(a.Id, a.Line, a.Column))).ToList();
        var unexpected = actual.Where(a => !expected.Any(e => e.File == a.File && e.Matches(a.Id, a.Line, a.Column))).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
            return;

        var report = new System.Text.StringBuilder();
        report.AppendLine($"{relativePath}: findings differ from the expectations.");
        foreach (var m in missing)
            report.AppendLine($"  missing:    {m}");
        foreach (var u in unexpected)
            report.AppendLine($"  unexpected: {u.Id} at {u.File}{(u.File is null ? "" : ":")}{u.Line},{u.Column}: {u.Message}");
        report.AppendLine("template:");
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
            report.AppendLine($"{i + 1,4}: {lines[i]}");
        Assert.Fail(report.ToString());
    }

    [TestMethod]
    public void Every_rule_folder_has_bicep_and_json_cases()
    {
        foreach (var rule in BuiltInRules.All)
        {
            var folder = TestEnvironment.TestData("rules", rule.Descriptor.Id);
            Assert.IsTrue(Directory.Exists(folder), $"{rule.Descriptor.Id} has no testdata folder");
            foreach (var extension in new[] { "*.bicep", "*.json" })
            {
                var files = Directory.GetFiles(folder, extension);
                Assert.IsTrue(files.Length > 0, $"{rule.Descriptor.Id} has no {extension} testdata");
                Assert.IsTrue(files.Any(f => ExpectationReader.Read(f).Any(e => e.Id == rule.Descriptor.Id)), $"{rule.Descriptor.Id} has no positive {extension} case");
            }
        }
    }
}
