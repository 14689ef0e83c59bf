using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Sdk.Testing;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// main.json built from main.bicep beside it (testdata/twins): the twin reports only what the Bicep analysis
/// cannot show, a stale twin gets INFRA0009 and is analysed on its own, and the option analyses twins fully.
/// </summary>
[TestClass]
public sealed class GeneratedTwinTests
{
    private static IReadOnlyList<Finding> Analyze(string folder, bool includeGenerated = false)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = TestEnvironment.BicepPath,
            AnalyzeGeneratedTemplates = includeGenerated,
        });
        return engine.Analyze(InputDiscovery.Expand([folder], out _)).Findings;
    }

    [TestMethod]
    [DataRow("current")]
    [DataRow("stale")]
    public void Every_file_of_the_run_matches_its_expectations(string folder)
    {
        var path = TestEnvironment.TestData("twins", folder);
        var findings = Analyze(path);
        foreach (var file in new[] { "main.bicep", "main.json" })
        {
            var full = Path.Combine(path, file);
            if (TestDataComparison.Compare(full, ExpectationReader.Read(full), findings, $"{folder}/{file}") is { } difference)
                Assert.Fail(difference);
        }
    }

    [TestMethod]
    public void A_current_twin_repeats_no_finding_of_its_source()
    {
        var findings = Analyze(TestEnvironment.TestData("twins", "current"));
        var inBicep = findings.Where(f => f.Location!.FilePath.EndsWith(".bicep", StringComparison.Ordinal)).Select(f => f.Id).ToList();
        var inTwin = findings.Where(f => f.Location!.FilePath.EndsWith(".json", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEquivalent(new[] { "INFRA2001", "INFRA1001", "INFRA1003" }, inBicep);
        Assert.AreEqual("INFRA2001: 'logic-orders-export' (Microsoft.Logic/workflows) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets",
            $"{inTwin.Single().Id}: {inTwin.Single().Message}");
    }

    [TestMethod]
    public void A_stale_twin_gets_one_note_that_names_its_source()
    {
        var notes = Analyze(TestEnvironment.TestData("twins", "stale")).Where(f => f.Id == "INFRA0009").ToList();
        Assert.AreEqual("Out of date with main.bicep: rebuild it (bicep build main.bicep); until then it is analysed on its own", notes.Single().Message);
        Assert.AreEqual(Severity.Suggestion, notes.Single().Severity);
    }

    [TestMethod]
    public void Include_generated_analyses_a_twin_fully()
    {
        var findings = Analyze(TestEnvironment.TestData("twins", "current"), includeGenerated: true);
        var inTwin = findings.Where(f => f.Location!.FilePath.EndsWith(".json", StringComparison.Ordinal)).Select(f => f.Id).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "INFRA1001", "INFRA1003", "INFRA2001", "INFRA2001" }, inTwin);
    }

    [TestMethod]
    public void A_twin_without_its_source_in_the_run_is_analysed_on_its_own()
    {
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var twin = TestEnvironment.TestData("twins", "current", "main.json");
        var findings = engine.Analyze([new InputFile(twin)]).Findings;
        Assert.AreEqual(4, findings.Count(f => f.Location!.FilePath == twin), string.Join("\n", findings.Select(f => f.Message)));
    }

    [TestMethod]
    public void Editing_the_source_analyses_its_twin_again()
    {
        using var dir = new TempDirectory();
        dir.CopyDirectory(TestEnvironment.TestData("twins", "current"), ".");
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");
        AnalysisResult Run() => InfraLintEngine.Run(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, CacheFile = cache }, InputDiscovery.Expand([dir.Path], out _));

        Assert.AreEqual(1, Run().Findings.Count(f => f.Location!.FilePath.EndsWith("main.json", StringComparison.Ordinal)));
        var source = Path.Combine(dir.Path, "main.bicep");
        File.WriteAllText(source, File.ReadAllText(source).Replace("properties: {}", "properties: { state: 'Enabled' }", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddMinutes(1));

        var second = Run();
        CollectionAssert.Contains(second.Reanalyzed.Select(Path.GetFileName).ToList(), "main.json");
        Assert.AreEqual(1, second.Findings.Count(f => f.Id == "INFRA0009"));
    }
}
