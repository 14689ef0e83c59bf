using InfraLint.Core.Engine;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Graph;

/// <summary>The trust graph of samples/ContosoInfra/infra, analysed with the real compiler in a copy outside the checkout,
/// so paths in the output are relative to the copy and nothing of the machine reaches it.</summary>
internal static class SampleGraph
{
    private static readonly Lazy<TrustGraph> Graph = new(() => Build(reverse: false));

    public static TrustGraph Get() => Graph.Value;

    public static TrustGraph Build(bool reverse)
    {
        using var copy = new TempDirectory();
        var source = Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra", "infra");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            copy.Write(Path.Combine("infra", Path.GetRelativePath(source, file)), File.ReadAllText(file));
        // The sample's budget and approval, so the graph marks INFRA3003 and INFRA3006 as the build does.
        copy.Write("infralint.json", File.ReadAllText(Path.Combine(source, "..", "infralint.json")));
        IEnumerable<InputFile> files = InputDiscovery.Expand([copy.Path], out _);
        if (reverse)
            files = files.Reverse();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, CollectDeployments = true });
        var result = engine.Analyze(files);
        return TrustGraphBuilder.Build(result.Deployments, result.Findings, new SourceRoot(copy.Path));
    }

    /// <summary>Compares with a golden file in testdata/graph/; with INFRALINT_UPDATE_GOLDEN=1 rewrites it instead.</summary>
    public static void AssertMatchesGolden(string actual, string name)
    {
        var golden = TestEnvironment.TestData("graph", name);
        if (Environment.GetEnvironmentVariable("INFRALINT_UPDATE_GOLDEN") == "1")
        {
            ReportFile.WriteIfChanged(golden, actual);
            Assert.Inconclusive($"testdata/graph/{name} was rewritten; review the diff and commit it on its own");
        }
        Assert.IsTrue(File.Exists(golden), $"testdata/graph/{name} is missing; run the tests with INFRALINT_UPDATE_GOLDEN=1 to create it");
        Assert.AreEqual(File.ReadAllText(golden), actual,
            $"the output differs from testdata/graph/{name}; if the change is deliberate, run the tests with INFRALINT_UPDATE_GOLDEN=1 and commit the golden file");
    }
}
