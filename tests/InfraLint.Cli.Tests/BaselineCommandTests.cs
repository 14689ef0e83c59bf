using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary><c>infralint baseline create</c> and <c>check --baseline</c>: only what a pull request adds fails it.</summary>
[TestClass]
public sealed class BaselineCommandTests
{
    private static readonly string TwentyLines = string.Concat(Enumerable.Range(1, 20).Select(i => $"// line {i} added above\n"));

    [TestMethod]
    public void Check_with_a_baseline_reports_only_new_findings()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app.bicep", Templates.SiteWithLiteralSetting);

        var create = workspace.Run("baseline", "create", "--output", "infralint.baseline.sarif", "infra");
        Assert.AreEqual(0, create.ExitCode, create.ToString());
        Assert.AreEqual(string.Empty, create.StandardOutput);
        StringAssert.Contains(create.StandardError, "baseline of 1 finding(s) written to infralint.baseline.sarif");
        SarifSchema.AssertValidFile(workspace.PathOf("infralint.baseline.sarif"));

        // 20 lines above the finding: it moves to line 28 and stays baselined.
        workspace.Write("infra/app.bicep", TwentyLines + Templates.SiteWithLiteralSetting);
        var moved = workspace.Run("check", "infra", "--baseline", "infralint.baseline.sarif");
        Assert.AreEqual(0, moved.ExitCode, moved.ToString());
        Assert.AreEqual(string.Empty, moved.StandardOutput);
        StringAssert.Contains(moved.StandardError, "0 warning(s), 0 note(s), 1 baselined finding(s) not shown");
        StringAssert.StartsWith(workspace.Run("check", "infra").StandardOutput, "infra/app.bicep(28,11): warning INFRA1001");

        // A second key is new: only it is reported, and it alone sets the exit code.
        workspace.Write("infra/app.bicep", TwentyLines + Templates.SiteWithLiteralSetting.Replace(
            "{ name: 'OPENAI_API_KEY', value: 'placeholder' }",
            "{ name: 'OPENAI_API_KEY', value: 'placeholder' }\n        { name: 'SEARCH_ADMIN_KEY', value: 'placeholder' }"));
        var added = workspace.Run("check", "infra", "--baseline", "infralint.baseline.sarif");
        Assert.AreEqual(1, added.ExitCode, added.ToString());
        Assert.AreEqual(
            "infra/app.bicep(29,11): warning INFRA1001: App setting 'SEARCH_ADMIN_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity\n",
            added.StandardOutput);

        var sarif = workspace.Run("check", "infra", "--baseline", "infralint.baseline.sarif", "--format", "sarif", "--output", "check.sarif");
        Assert.AreEqual(1, sarif.ExitCode, sarif.ToString());
        var log = SarifSchema.AssertValidFile(workspace.PathOf("check.sarif"));
        StringAssert.Contains(log, "\"baselineState\": \"unchanged\"");
        StringAssert.Contains(log, "\"baselineState\": \"new\"");
    }

    [TestMethod]
    public void A_fixed_finding_is_absent_in_sarif_and_the_check_passes()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app.bicep", Templates.SiteWithLiteralSetting);
        Assert.AreEqual(0, workspace.Run("baseline", "create", "--output", "baseline.sarif", "infra").ExitCode);

        workspace.Write("infra/app.bicep", Templates.SiteWithLiteralSetting.Replace("value: 'placeholder'", "value: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/openai)'"));
        var result = workspace.Run("check", "infra", "--baseline", "baseline.sarif", "--format", "sarif", "--output", "check.sarif");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var log = SarifSchema.AssertValidFile(workspace.PathOf("check.sarif"));
        StringAssert.Contains(log, "\"baselineState\": \"absent\"");
    }

    [TestMethod]
    public void Baseline_create_refuses_a_run_with_input_errors()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app.bicep", Templates.SiteWithLiteralSetting);
        workspace.Write("infra/broken.bicep", "resource x 'Microsoft.Web/sites@2023-12-01' = {\n  name:\n}\n");

        var result = workspace.Run("baseline", "create", "--output", "baseline.sarif", "infra");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.StandardError, "infra/broken.bicep(2,8): error INFRA0001");
        StringAssert.Contains(result.StandardError, "the baseline was not written");
        Assert.IsFalse(File.Exists(workspace.PathOf("baseline.sarif")));
    }

    [TestMethod]
    public void A_file_that_is_not_a_baseline_is_a_configuration_error()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app.bicep", Templates.SiteWithLiteralSetting);
        workspace.Write("not-a-baseline.sarif", """{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "OtherTool" } } } ] }""");

        var result = workspace.Run("check", "infra", "--baseline", "not-a-baseline.sarif");

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual(string.Empty, result.StandardOutput);
        StringAssert.Contains(result.StandardError, "baseline 'not-a-baseline.sarif' holds no InfraLint run");
    }
}
