using System.Text.RegularExpressions;
using InfraLint.Tests;

namespace InfraLint.MSBuild.Tests;

/// <summary>The README's first command: `dotnet build samples/ContosoInfra` shows exactly the findings samples/ContosoInfra/EXPECTED.txt lists.</summary>
[TestClass]
public sealed partial class SampleBuildTests
{
    [GeneratedRegex(@"^(?<file>\S+)\((?<line>\d+),(?<col>\d+)\): (?<level>warning|error) (?<id>INFRA\d{4}): ")]
    private static partial Regex Canonical();

    [TestMethod]
    public void Sample_build_reports_exactly_the_expected_findings()
    {
        var sample = Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra");
        var result = ProcessRunner.Run("dotnet", ["build", sample, "--nologo", "-v:q", "-clp:NoSummary"], TestEnvironment.RepoRoot, TimeSpan.FromMinutes(5));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var actual = result.OutputLines
            .Select(l => Canonical().Match(l))
            .Where(m => m.Success)
            .Select(m => $"{Path.GetRelativePath(sample, m.Groups["file"].Value).Replace('\\', '/')}({m.Groups["line"].Value},{m.Groups["col"].Value}): {m.Groups["level"].Value} {m.Groups["id"].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var expected = File.ReadAllLines(Path.Combine(sample, "EXPECTED.txt")).Where(l => l.Trim().Length > 0).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(expected, actual, result.ToString());
    }
}
