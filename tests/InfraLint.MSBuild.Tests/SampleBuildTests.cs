using InfraLint.Tests;

namespace InfraLint.MSBuild.Tests;

/// <summary>The README's first command: `dotnet build samples/ContosoInfra` shows exactly the findings samples/ContosoInfra/EXPECTED.txt lists.</summary>
[TestClass]
public sealed class SampleBuildTests
{
    [TestMethod]
    public void Sample_build_reports_exactly_the_expected_findings()
    {
        var sample = Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra");
        var result = ProcessRunner.Run("dotnet", ["build", sample, "--nologo", "-v:q", "-clp:NoSummary"], TestEnvironment.RepoRoot, TimeSpan.FromMinutes(5));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var actual = CanonicalLines.Parse(result.OutputLines, sample);
        var expected = File.ReadAllLines(Path.Combine(sample, "EXPECTED.txt")).Where(l => l.Trim().Length > 0).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(expected, actual, result.ToString());
    }
}
