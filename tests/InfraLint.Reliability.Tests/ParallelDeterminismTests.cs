using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// Parallel lanes (<c>--parallel N</c>, each with its own compiler) write the same bytes as the sequential run, in every
/// report format, over the whole testdata tree (at 2 lanes) and over the sample repository (at 2 and 4 lanes: more lanes
/// than entries per lane).
/// </summary>
[TestClass]
public sealed class ParallelDeterminismTests
{
    [TestMethod]
    public void The_testdata_tree_reports_the_same_bytes_at_1_and_2_lanes()
    {
        var (files, sequential) = Surfaces.TestDataReference;
        AssertSameAcrossLanes(TestEnvironment.TestData(), files, sequential, [2]);
    }

    [TestMethod]
    public void The_sample_reports_the_same_bytes_at_1_2_and_4_lanes()
    {
        var root = Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra");
        var files = InputDiscovery.Expand([root], out _);
        AssertSameAcrossLanes(root, files, Surfaces.Reports(root, files, parallelism: 1), [2, 4]);
    }

    private static void AssertSameAcrossLanes(string root, IReadOnlyList<InputFile> files, Dictionary<string, string> sequential, int[] laneCounts)
    {
        Assert.IsTrue(sequential["json"].Length > 1000, sequential["text"]);
        foreach (var lanes in laneCounts)
        {
            var parallel = Surfaces.Reports(root, files, parallelism: lanes);
            foreach (var format in new[] { "text", "json", "sarif", "github", "sarif with baseline" })
                Assert.AreEqual(sequential[format], parallel[format], $"{format} differs at {lanes} lanes");
        }
    }
}
