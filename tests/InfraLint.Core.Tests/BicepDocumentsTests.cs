using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// Each Bicep file is read, lexed and parsed once per run, whoever needs it: the front end, modules of several entries,
/// stand-ins for what cannot be restored, error redaction, suppression pragmas and token extents.
/// </summary>
[TestClass]
public sealed class BicepDocumentsTests
{
    [TestMethod]
    public void The_sample_reads_each_bicep_and_bicepparam_file_once()
    {
        using var copy = new TempDirectory();
        var source = Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra", "infra");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            copy.Write(Path.Combine("infra", Path.GetRelativePath(source, file)), File.ReadAllText(file));
        copy.Write("infralint.json", File.ReadAllText(Path.Combine(source, "..", "infralint.json")));

        var (reads, findings) = Analyze(copy.Path, restore: null);

        AssertEachReadOnce(copy.Path, reads);
        Assert.IsTrue(findings.Count(f => f.Location?.FilePath.EndsWith(".bicep", StringComparison.Ordinal) == true) >= 10, string.Join("\n", findings));
    }

    [TestMethod]
    public void A_corpus_module_with_child_modules_and_unrestored_references_reads_each_file_once()
    {
        var corpus = TestEnvironment.Corpus;
        if (corpus is null)
        {
            Assert.Inconclusive("../shared/corpus is not beside the checkout");
            return;
        }
        using var copy = new TempDirectory();
        var source = Path.Combine(corpus, "avm", "res", "key-vault", "vault");
        foreach (var file in Directory.EnumerateFiles(source, "*.bicep", SearchOption.AllDirectories))
            copy.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));

        // Restoring off: the registry references become stand-ins, written from the same documents.
        var (reads, findings) = Analyze(copy.Path, restore: false);

        AssertEachReadOnce(copy.Path, reads);
        Assert.IsTrue(findings.Any(f => f.Id == "INFRA0007"), string.Join("\n", findings));
    }

    private static (IReadOnlyDictionary<string, int> Reads, IReadOnlyList<Sdk.Finding> Findings) Analyze(string path, bool? restore)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, RestoreModules = restore });
        var result = engine.Analyze(InputDiscovery.Expand([path], out _));
        return (engine.Documents.Reads, result.Findings);
    }

    private static void AssertEachReadOnce(string root, IReadOnlyDictionary<string, int> reads)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".bicep" or ".bicepparam").Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        var summary = string.Join("\n", reads.Select(r => $"{r.Value} {r.Key}"));
        CollectionAssert.AreEqual(files, reads.Keys.Order(StringComparer.Ordinal).ToList(), summary);
        Assert.IsTrue(reads.Values.All(n => n == 1), summary);
    }
}
