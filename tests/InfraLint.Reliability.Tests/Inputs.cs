using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>The real inputs that get mutated: testdata, the sample and, when present, the AVM corpus.</summary>
internal static class Inputs
{
    public static IReadOnlyList<string> Files(string extension)
    {
        var roots = new List<string> { TestEnvironment.TestData(), Path.Combine(TestEnvironment.RepoRoot, "samples") };
        if (TestEnvironment.Corpus is { } corpus)
            roots.Add(corpus);
        return roots
            .SelectMany(r => Directory.EnumerateFiles(r, "*" + extension, SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many inputs a fuzz test tries: bounded for CI, more with INFRALINT_FUZZ_COUNT.</summary>
    public static int Count(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("INFRALINT_FUZZ_COUNT"), out var n) && n > 0 ? n : ciDefault;

    /// <summary>The seed: fixed in CI, overridable to explore (INFRALINT_FUZZ_SEED).</summary>
    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("INFRALINT_FUZZ_SEED"), out var n) ? n : 20261125;
}
