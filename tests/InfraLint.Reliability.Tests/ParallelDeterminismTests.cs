using InfraLint.Core.Engine;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// Parallel lanes (<c>--parallel N</c>, each with its own compiler) write the same bytes as the sequential run, in every
/// report format, over the whole testdata tree and over the sample repository.
/// </summary>
[TestClass]
public sealed class ParallelDeterminismTests
{
    [TestMethod]
    public void The_testdata_tree_reports_the_same_bytes_at_1_2_and_4_lanes() =>
        AssertSameAcrossLanes(TestEnvironment.TestData());

    [TestMethod]
    public void The_sample_reports_the_same_bytes_at_1_2_and_4_lanes() =>
        AssertSameAcrossLanes(Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra"));

    private static void AssertSameAcrossLanes(string root)
    {
        var files = InputDiscovery.Expand([root], out _);
        var sequential = Surfaces.Reports(root, files, parallelism: 1);
        Assert.IsTrue(sequential["json"].Length > 1000, sequential["text"]);
        foreach (var lanes in new[] { 2, 4 })
        {
            var parallel = Surfaces.Reports(root, files, parallelism: lanes);
            foreach (var format in new[] { "text", "json", "sarif", "github", "sarif with baseline" })
                Assert.AreEqual(sequential[format], parallel[format], $"{format} differs at {lanes} lanes");
        }
    }
}
