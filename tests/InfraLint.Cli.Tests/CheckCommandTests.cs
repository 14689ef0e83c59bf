using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>`infralint check` as a user runs it: output lines, relative paths and exit codes.</summary>
[TestClass]
public sealed class CheckCommandTests
{
    private const string Clean = """
        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app'
          location: 'westeurope'
          identity: { type: 'SystemAssigned' }
        }
        """;

    private static string workspace = null!;

    [ClassInitialize]
    public static void CreateWorkspace(TestContext _)
    {
        workspace = Path.Combine(Path.GetTempPath(), "infralint-cli-tests", Guid.NewGuid().ToString("N"));
        Write("infra/app.bicep", Templates.SiteWithSecretSetting);
        Write("infra/clean/clean.bicep", Clean);
        Write("infra/bin/ignored.bicep", Templates.SiteWithSecretSetting);
        Write("broken/broken.bicep", "resource x 'Microsoft.Web/sites@2023-12-01' = {\n  name:\n}\n");
    }

    [ClassCleanup]
    public static void DeleteWorkspace() => Directory.Delete(workspace, recursive: true);

    private static void Write(string relative, string text)
    {
        var path = Path.Combine(workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static ProcessRunner.Result Check(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), .. args], workspace, TimeSpan.FromMinutes(2));

    [TestMethod]
    public void Prints_canonical_lines_relative_to_the_working_directory_and_exits_1()
    {
        var result = Check("check", "infra", "--bicep", TestEnvironment.BicepPath);

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[]
        {
            "infra/app.bicep(10,11): warning INFRA1001: App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
        }, result.OutputLines, result.ToString());
        StringAssert.Matches(result.StandardError, new System.Text.RegularExpressions.Regex(@"^infralint: 2 template\(s\) analyzed, 0 error\(s\), 1 warning\(s\), 0 note\(s\) in [0-9]+\.[0-9] s$", System.Text.RegularExpressions.RegexOptions.Multiline));
    }

    [TestMethod]
    public void A_report_that_standard_output_cannot_take_is_exit_2_with_the_reason_not_a_crash()
    {
        if (!File.Exists("/dev/full"))
            Assert.Inconclusive("needs /dev/full (Linux)");
        var cli = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "infralint.dll"), "check", "infra", "--bicep", TestEnvironment.BicepPath }
            .Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

        var result = ProcessRunner.Run("bash", ["-c", "exec " + cli + " > /dev/full"], workspace, TimeSpan.FromMinutes(2));

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardError, "infralint: error: cannot write the report to standard output: ", result.ToString());
        Assert.IsFalse(result.StandardError.Contains("Unhandled exception", StringComparison.Ordinal), result.ToString());
    }

    [TestMethod]
    public void Rule_pack_option_is_repeatable_and_a_broken_pack_is_a_configuration_error()
    {
        Write("packs/location.infralint-rules.json", """
            { "name": "Test.Rules", "version": "1.0.0", "idPrefix": "TEST",
              "rules": [ { "id": "TEST0001", "title": "Outside the allowed locations", "message": "'{name}' is deployed to '{value}'",
                           "resourceTypes": "*/*", "assert": { "path": "location", "equals": "northeurope" } } ] }
            """);
        Write("packs/broken.infralint-rules.json", """{ "name": "Broken" }""");

        var result = Check("check", "infra/clean", "--bicep", TestEnvironment.BicepPath, "--rule-pack", "packs/location.infralint-rules.json");
        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "infra/clean/clean.bicep(3,3): warning TEST0001: 'site' is deployed to 'westeurope'" }, result.OutputLines, result.ToString());

        var broken = Check("check", "infra/clean", "--bicep", TestEnvironment.BicepPath,
            "--rule-pack", "packs/location.infralint-rules.json", "--rule-pack", "packs/broken.infralint-rules.json");
        Assert.AreEqual(2, broken.ExitCode, broken.ToString());
        StringAssert.Contains(broken.StandardOutput, "packs/broken.infralint-rules.json(1,1): error INFRA0003: the rule pack needs 'version'");
        StringAssert.Contains(broken.StandardOutput, "warning TEST0001");
    }

    [TestMethod]
    public void Fail_level_decides_the_exit_code()
    {
        Assert.AreEqual(0, Check("check", "infra", "--bicep", TestEnvironment.BicepPath, "--fail-level", "error").ExitCode);
        Assert.AreEqual(0, Check("check", "infra", "--bicep", TestEnvironment.BicepPath, "--fail-level", "none").ExitCode);
        Assert.AreEqual(1, Check("check", "infra", "--bicep", TestEnvironment.BicepPath, "--fail-level", "note").ExitCode);
    }

    [TestMethod]
    public void A_clean_tree_exits_0_with_no_output()
    {
        var result = Check("check", "infra/clean", "--bicep", TestEnvironment.BicepPath);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(string.Empty, result.StandardOutput);
    }

    [TestMethod]
    public void Input_errors_exit_2_with_the_compilers_error()
    {
        var result = Check("check", "broken", "--bicep", TestEnvironment.BicepPath);
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.OutputLines.Single(), "broken/broken.bicep(2,8): error INFRA0001: Template could not be analyzed: BCP009");
    }

    [TestMethod]
    public void Input_errors_exit_2_at_any_fail_level_unless_tool_errors_are_not_to_fail()
    {
        var none = Check("check", "broken", "infra", "--bicep", TestEnvironment.BicepPath, "--fail-level", "none");
        Assert.AreEqual(2, none.ExitCode, none.ToString());

        var findingsOnly = Check("check", "broken", "infra", "--bicep", TestEnvironment.BicepPath, "--fail-on-tool-errors", "false");
        Assert.AreEqual(1, findingsOnly.ExitCode, findingsOnly.ToString());
        CollectionAssert.AreEqual(none.OutputLines.ToList(), findingsOnly.OutputLines.ToList(), "the error is still reported");
        StringAssert.StartsWith(findingsOnly.OutputLines[0], "broken/broken.bicep(2,8): error INFRA0001");

        var brokenOnly = Check("check", "broken", "--bicep", TestEnvironment.BicepPath, "--fail-on-tool-errors", "false");
        Assert.AreEqual(0, brokenOnly.ExitCode, brokenOnly.ToString());

        var bad = Check("check", "infra", "--fail-on-tool-errors", "maybe");
        Assert.AreEqual(2, bad.ExitCode, bad.ToString());
        StringAssert.Contains(bad.StandardError, "--fail-on-tool-errors takes true or false");
    }

    [TestMethod]
    public void Help_says_that_input_errors_exit_2_whatever_the_fail_level()
    {
        // Asked-for help is the output, so it goes to standard output with exit 0 (a usage error still goes to standard error).
        var help = Check("check", "--help");
        Assert.AreEqual(0, help.ExitCode, help.ToString());
        StringAssert.Contains(help.StandardOutput, "--fail-on-tool-errors <true|false>");
        StringAssert.Contains(help.StandardOutput, "whatever the fail level");
    }

    [TestMethod]
    public void Config_names_the_infralint_json_to_use()
    {
        var config = Path.Combine(workspace, "strict", "infralint.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, """{ "rules": { "INFRA1001": "error" } }""");

        var result = Check("check", "infra", "--bicep", TestEnvironment.BicepPath, "--config", config);

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.OutputLines.Single(), "infra/app.bicep(10,11): error INFRA1001");
    }

    [TestMethod]
    public void Output_file_receives_the_report()
    {
        var report = Path.Combine(workspace, "report.txt");
        var result = Check("check", "infra", "--bicep", TestEnvironment.BicepPath, "--output", report);
        Assert.AreEqual(1, result.ExitCode);
        Assert.AreEqual(string.Empty, result.StandardOutput);
        StringAssert.StartsWith(File.ReadAllText(report), "infra/app.bicep(10,11): warning INFRA1001");
    }

    [TestMethod]
    [DataRow(new string[0])]
    [DataRow(new[] { "lint" })]
    [DataRow(new[] { "check" })]
    [DataRow(new[] { "check", "infra", "--fail-level", "loud" })]
    [DataRow(new[] { "check", "infra", "--format", "xml" })]
    [DataRow(new[] { "check", "infra", "--unknown" })]
    [DataRow(new[] { "check", "no-such-dir" })]
    [DataRow(new[] { "check", "infra", "--config", "no-such-infralint.json" })]
    [DataRow(new[] { "check", "infra", "--baseline", "no-such-baseline.sarif" })]
    [DataRow(new[] { "baseline" })]
    [DataRow(new[] { "baseline", "create", "infra" })]
    [DataRow(new[] { "baseline", "create", "--output", "b.sarif" })]
    [DataRow(new[] { "baseline", "create", "--output", "b.sarif", "infra", "--format", "json" })]
    public void Usage_errors_exit_2(string[] args)
    {
        var result = Check(args);
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual(string.Empty, result.StandardOutput);
    }

    [TestMethod]
    [DataRow("--timeout", "NaN")]
    [DataRow("--timeout", "Infinity")]
    [DataRow("--timeout", "-Infinity")]
    [DataRow("--timeout", "1e308")]
    [DataRow("--timeout", "86401")]
    [DataRow("--timeout", "0")]
    [DataRow("--timeout", "-1")]
    [DataRow("--timeout", "ten")]
    [DataRow("--rule-timeout", "NaN")]
    [DataRow("--rule-timeout", "1e308")]
    [DataRow("--rule-timeout", "0")]
    [DataRow("--rule-timeout", "")]
    public void Numeric_options_out_of_range_are_usage_errors(string option, string value)
    {
        foreach (var args in new[] { new[] { "check", "infra", option, value }, ["graph", "infra", option, value], ["baseline", "create", "--output", "b.sarif", "infra", option, value] })
        {
            var result = Check(args);
            Assert.AreEqual(2, result.ExitCode, result.ToString());
            StringAssert.Contains(result.StandardError, $"infralint: {option} takes a number of seconds above 0 and at most 86400", result.ToString());
            Assert.IsFalse(result.StandardError.Contains("Exception", StringComparison.Ordinal), result.ToString());
        }
    }

    [TestMethod]
    public void Numeric_options_in_range_are_accepted()
    {
        var result = Check("check", "infra/clean", "--bicep", TestEnvironment.BicepPath, "--timeout", "86400", "--rule-timeout", "0.5e1");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
    }

    [TestMethod]
    public void A_missing_compiler_exits_2_and_says_how_to_provide_one()
    {
        var result = Check("check", "infra", "--bicep", Path.Combine(workspace, "nope", "bicep"));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardOutput, "error INFRA0002: Bicep compiler not found");
    }
}
