using InfraLint.Core.Engine;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// The same input gives byte-identical reports: across runs, input orders, compiler recycling, checkout
/// locations (a path with spaces and Unicode), and between the MSBuild task's fresh and cached runs.
/// </summary>
[TestClass]
public sealed class DeterminismTests
{
    // Modules, .bicepparam and parameters files, infralint.json budgets, policy files, a rule pack and broken files.
    private static readonly string[] Folders = ["rules/INFRA1003", "rules/INFRA3003", "secrets"];

    [TestMethod]
    public void Reports_are_byte_identical_across_orders_compiler_recycling_locations_and_the_cache()
    {
        using var first = Workspace("first");
        using var second = Workspace("second checkout with spaces ünïcode 名前");
        var files = InputDiscovery.Expand([first.Path], out _);
        var elsewhere = InputDiscovery.Expand([second.Path], out _);

        var baseline = Surfaces.Reports(first.Path, files);
        var runs = new Dictionary<string, Dictionary<string, string>>
        {
            ["reversed order, a new compiler every 3 compiles"] = Surfaces.Reports(first.Path, files.Reverse(), compilesPerCompilerProcess: 3),
            ["shuffled order, another checkout location"] = Surfaces.Reports(second.Path, elsewhere.OrderBy(f => f.Path.GetHashCode(StringComparison.Ordinal))),
        };

        Assert.IsTrue(baseline["text"].Split('\n').Length > 50, baseline["text"]);
        foreach (var (name, outputs) in runs)
        {
            foreach (var format in baseline.Keys)
                Assert.AreEqual(baseline[format], outputs[format], $"{format} differs: {name}");
        }
        var msbuild = Surfaces.MSBuild(first.Path, files.Select(f => f.Path).ToList());
        Assert.AreEqual(baseline["sarif"], msbuild["msbuild sarif"], "the task's SARIF differs from the CLI's");
        Assert.AreEqual(msbuild["msbuild sarif"], msbuild["msbuild (cached) sarif"], "a cached run's SARIF differs");
    }

    private static TempDirectory Workspace(string name)
    {
        var workspace = new TempDirectory(name);
        foreach (var folder in Folders)
            workspace.CopyDirectory(TestEnvironment.TestData(folder.Split('/')), folder);
        return workspace;
    }
}
