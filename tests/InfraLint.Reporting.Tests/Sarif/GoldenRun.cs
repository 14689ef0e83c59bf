using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Sarif;

/// <summary>Runs the real engine over a copy of testdata/sarif/input in a fresh folder, so nothing of the machine
/// (the checkout's path, the temp folder's name) can reach the output unnoticed.</summary>
internal sealed class GoldenRun : IDisposable
{
    public const string ToolVersion = "0.0.0-golden";

    public static IReadOnlyList<RuleDescriptor> Catalogue { get; } =
        BuiltInRules.All.Select(r => r.Describe).Concat(ToolDiagnostics.All).ToList();

    public GoldenRun()
    {
        Root = Path.Combine(Path.GetTempPath(), "infralint-sarif-tests", Guid.NewGuid().ToString("N"));
        var input = TestEnvironment.TestData("sarif", "input");
        foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Root, Path.GetRelativePath(input, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            System.IO.File.Copy(file, copy);
        }
    }

    public string Root { get; }

    public string File(string relative) => Path.Combine(Root, relative);

    public void Edit(string relative, Func<string, string> change) =>
        System.IO.File.WriteAllText(File(relative), change(System.IO.File.ReadAllText(File(relative))));

    public void Delete(string relative) => System.IO.File.Delete(File(relative));

    /// <summary>Analyses the copy; <paramref name="reverse"/> hands the engine its files in the opposite order.</summary>
    public Report Analyze(bool reverse = false)
    {
        IEnumerable<InputFile> files = InputDiscovery.Expand([Root], out _);
        if (reverse)
            files = files.Reverse();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var result = engine.Analyze(files);
        return Report.Of(result.Findings, new SourceRoot(Root), Root, result.FilesAnalyzed);
    }

    public static SarifReportWriter Writer() => new(catalogue: Catalogue) { ToolVersion = ToolVersion };

    /// <summary>Compares with a golden file in testdata/sarif/; with INFRALINT_UPDATE_GOLDEN=1 rewrites it instead.</summary>
    public static void AssertMatchesGolden(string actual, string name)
    {
        var golden = TestEnvironment.TestData("sarif", name);
        if (Environment.GetEnvironmentVariable("INFRALINT_UPDATE_GOLDEN") == "1")
        {
            ReportFile.WriteIfChanged(golden, actual);
            Assert.Inconclusive($"testdata/sarif/{name} was rewritten; review the diff and commit it on its own");
        }
        Assert.IsTrue(System.IO.File.Exists(golden), $"testdata/sarif/{name} is missing; run the tests with INFRALINT_UPDATE_GOLDEN=1 to create it");
        var expected = System.IO.File.ReadAllText(golden);
        Assert.AreEqual(expected, actual, $"the output differs from testdata/sarif/{name}; if the change is deliberate, run the tests with INFRALINT_UPDATE_GOLDEN=1 and commit the golden file on its own");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
