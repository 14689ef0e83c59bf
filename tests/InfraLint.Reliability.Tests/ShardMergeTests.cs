using InfraLint.Core.Engine;
using InfraLint.Reporting.Shards;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// <c>--shard K/N</c> and <c>infralint merge</c>: four shards of the testdata tree, merged, are the bytes of the unsharded
/// run in text, GitHub, JSON and SARIF (with a baseline too); a shard given twice, one missing or one of another run is refused.
/// </summary>
[TestClass]
public sealed class ShardMergeTests
{
    private static readonly string[] Formats = ["text", "github", "json", "sarif"];

    [TestMethod]
    public void Four_shards_merged_are_the_unsharded_report_byte_for_byte()
    {
        var root = TestEnvironment.TestData();
        var (files, whole) = Surfaces.TestDataReference;
        var parts = Enumerable.Range(1, 4).Select(k => Sharding.Select(files, [], k, 4)).ToList();
        Assert.AreEqual(files.Count, parts.Sum(p => p.Count), "every input is in exactly one shard");
        CollectionAssert.AreEquivalent(files.Select(f => f.Path).ToList(), parts.SelectMany(p => p).Select(f => f.Path).ToList());
        Assert.IsTrue(parts.All(p => p.Count > files.Count / 8), string.Join(", ", parts.Select(p => p.Count)));
        var shards = parts.Select((part, i) => Surfaces.Reports(root, part, shard: (i + 1, 4, files))).ToList();

        foreach (var format in Formats)
        {
            var (merged, problem) = ShardMerge.Merge(shards.Select((s, i) => ($"shard-{i + 1}", s[format])).Reverse().ToList(), format);
            Assert.IsNull(problem, problem);
            Assert.AreEqual(whole[format], merged, $"merged {format} differs from the unsharded run");
            Assert.AreNotEqual(whole[format], shards[0][format], $"a {format} shard is not the whole run");
        }
        var (mergedBaseline, _) = ShardMerge.Merge(shards.Select((s, i) => ($"shard-{i + 1}", s["sarif with baseline"])).ToList(), "sarif");
        Assert.AreEqual(whole["sarif with baseline"], mergedBaseline, "merged SARIF with a baseline differs");

        foreach (var format in Formats)
        {
            var reports = shards.Select((s, i) => ($"shard-{i + 1}", s[format])).ToList();
            StringAssert.Contains(ShardMerge.Merge([.. reports, reports[1]], format).Problem, "shard 2/4 is given twice", format);
            StringAssert.Contains(ShardMerge.Merge(reports.Take(3).ToList(), format).Problem, "shard(s) 4/4 missing", format);
            StringAssert.Contains(ShardMerge.Merge([reports[0]], format).Problem, "missing", format);
            StringAssert.Contains(ShardMerge.Merge([.. reports, ("unsharded", whole[format])], format).Problem, "is not a shard report", format);
        }
    }

    [TestMethod]
    public void Shards_of_different_inputs_are_refused()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 4; i++)
            dir.Write($"app{i}.json", Templates.ArmWorkflowWithoutIdentity);
        var files = InputDiscovery.Expand([dir.Path], out _);
        var first = Surfaces.Reports(dir.Path, Sharding.Select(files, [], 1, 2), shard: (1, 2, files));
        var fewer = files.Take(3).ToList();
        var other = Surfaces.Reports(dir.Path, Sharding.Select(fewer, [], 2, 2), shard: (2, 2, fewer));
        foreach (var format in Formats)
            StringAssert.Contains(ShardMerge.Merge([("a", first[format]), ("b", other[format])], format).Problem, "is a shard of another run", format);
    }

    [TestMethod]
    public void A_truncated_text_shard_is_refused()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 2; i++)
            dir.Write($"app{i}.json", Templates.ArmWorkflowWithoutIdentity);
        var files = InputDiscovery.Expand([dir.Path], out _);
        var shards = Enumerable.Range(1, 2).Select(k => Surfaces.Reports(dir.Path, Sharding.Select(files, [], k, 2), shard: (k, 2, files))["text"]).ToList();
        Assert.IsNull(ShardMerge.Merge([("1", shards[0]), ("2", shards[1])], "text").Problem);
        var truncated = string.Join('\n', shards[1].Split('\n')[..^2]) + "\n";
        StringAssert.Contains(ShardMerge.Merge([("1", shards[0]), ("2", truncated)], "text").Problem, "footer");
    }
}
