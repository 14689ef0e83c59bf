using InfraLint.Core.Engine;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Graph;

/// <summary>The trust graph of samples/ContosoInfra/infra with the deployments its workflow declares, analysed with the real compiler in a copy outside the checkout,
/// so paths in the output are relative to the copy and nothing of the machine reaches it.</summary>
internal static class SampleGraph
{
    private static readonly Lazy<TrustGraph> Graph = new(() => Build(reverse: false));

    public static TrustGraph Get() => Graph.Value;

    public static TrustGraph Build(bool reverse)
    {
        using var copy = new TempDirectory();
        var sample = Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra");
        // Its templates, its budget and approval (INFRA3003, INFRA3006) and the workflow that deploys them, as its build sees them.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(sample, "infra"), "*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(sample, ".github"), "*", SearchOption.AllDirectories))
                     .Append(Path.Combine(sample, "infralint.json")))
            copy.Write(Path.GetRelativePath(sample, file), File.ReadAllText(file));
        Directory.CreateDirectory(Path.Combine(copy.Path, ".git"));
        IEnumerable<InputFile> files = InputDiscovery.Expand([Path.Combine(copy.Path, "infra")], out _);
        if (reverse)
            files = files.Reverse();
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, CollectDeployments = true,
            DeclaredDeployments = Core.Deployments.DeploymentDiscovery.Discover(copy.Path).Deployments,
        });
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
