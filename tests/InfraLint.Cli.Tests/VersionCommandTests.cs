using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>`infralint --version`: the tool's version and the compiler a run would use.</summary>
[TestClass]
public sealed class VersionCommandTests
{
    private static ProcessRunner.Result Run(IDictionary<string, string?>? environment, params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), .. args], AppContext.BaseDirectory, TimeSpan.FromMinutes(1), environment);

    [TestMethod]
    public void Prints_the_version_and_the_compiler_it_finds()
    {
        var result = Run(null, "--version", "--bicep", TestEnvironment.BicepPath);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "infralint 0.1.0", $"bicep 0.49.2 ({Path.GetFullPath(TestEnvironment.BicepPath)})" }, result.OutputLines, result.ToString());
    }

    [TestMethod]
    public void Without_a_compiler_says_how_to_provide_one_and_still_exits_0()
    {
        var empty = Directory.CreateTempSubdirectory("infralint-no-bicep").FullName;
        var result = Run(new Dictionary<string, string?> { ["PATH"] = empty, ["HOME"] = empty }, "--version");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("infralint 0.1.0", result.OutputLines[0], result.ToString());
        StringAssert.StartsWith(result.OutputLines[1], "bicep: not found (set InfraLintBicepPath (or --bicep)");
        Directory.Delete(empty);
    }

    [TestMethod]
    public void A_compiler_that_is_not_bicep_reports_no_version()
    {
        var result = Run(null, "--version", "--bicep", "/bin/false");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "infralint 0.1.0", "bicep: '/bin/false' did not report a version" }, result.OutputLines, result.ToString());
    }

    [TestMethod]
    public void Other_arguments_are_a_usage_error()
    {
        var result = Run(null, "--version", "--format", "json");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardError, "--version takes only --bicep PATH");
    }
}
