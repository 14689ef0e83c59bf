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
            .Where(f => Path.GetFileName(f) != "infralint.json") // a folder's configuration, not a template
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
        var findings = engine!.Analyze([new InputFile(path, Explicit: true)]).Findings;
        var report = new System.Text.StringBuilder();
        // The file itself, then every file that expects findings through it (its modules, a .bicepparam's template).
        Compare(path, ExpectationReader.Read(path).Where(e => e.Via is null), findings, relativePath, report);
        foreach (var other in FilesExpectingVia(path))
        {
            var expected = ExpectationReader.Read(other).Where(e => e.Via is null || e.Via == Path.GetFileName(path));
            Compare(other, expected, findings, Path.GetRelativePath(TestEnvironment.TestData("rules"), other) + " via " + relativePath, report);
        }
        if (report.Length > 0)
            Assert.Fail(report.ToString());
    }

    private static IEnumerable<string> FilesExpectingVia(string path) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.bicep", SearchOption.AllDirectories)
            .Where(f => f != path && ExpectationReader.Read(f).Any(e => e.Via == Path.GetFileName(path)))
            .Order(StringComparer.Ordinal);

    private static void Compare(string path, IEnumerable<Expectation> expectations, IReadOnlyList<Sdk.Finding> findings, string title, System.Text.StringBuilder report)
    {
        var expected = expectations.ToList();
        var actual = findings
            .Where(f => f.Location?.FilePath == path)
            .Select(f => (f.Id, f.Location!.Line, f.Location.Column, f.Message))
            .ToList();

        var missing = expected.Where(e => !actual.Any(a => e.Matches(a.Id, a.Line, a.Column))).ToList();
        var unexpected = actual.Where(a => !expected.Any(e => e.Matches(a.Id, a.Line, a.Column))).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
            return;

        report.AppendLine($"{title}: findings differ from the expectations.");
        foreach (var m in missing)
            report.AppendLine($"  missing:    {m}");
        foreach (var u in unexpected)
            report.AppendLine($"  unexpected: {u.Id} at {u.Line},{u.Column}: {u.Message}");
        report.AppendLine("template:");
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
            report.AppendLine($"{i + 1,4}: {lines[i]}");
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
