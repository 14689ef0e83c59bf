using System.Text.Json;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary><c>--format text|sarif|github|json</c> and <c>--output</c>, as a CI job uses them.</summary>
[TestClass]
public sealed class OutputFormatTests
{
    private const string Workflow = """
        resource flow 'Microsoft.Logic/workflows@2019-05-01' = {
          name: 'flow'
          location: 'westeurope'
          properties: {}
        }
        """;

    private static CliWorkspace workspace = null!;

    [ClassInitialize]
    public static void CreateWorkspace(TestContext _)
    {
        workspace = new CliWorkspace();
        workspace.Write("infra/web.bicep", Templates.SiteWithLiteralSetting);
        workspace.Write("infra/legacy, v1/flow.bicep", Workflow);
    }

    [ClassCleanup]
    public static void DeleteWorkspace() => workspace.Dispose();

    [TestMethod]
    public void Github_format_prints_exact_workflow_commands()
    {
        var result = workspace.Run("check", "infra", "--format", "github");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.AreEqual(
            "::warning file=infra/legacy%2C v1/flow.bicep,line=1,col=1,title=INFRA2001::'flow' (Microsoft.Logic/workflows) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets\n" +
            "::warning file=infra/web.bicep,line=8,col=11,title=INFRA1001::App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity\n",
            result.StandardOutput);
        StringAssert.Contains(result.StandardError, "2 warning(s)");
    }

    [TestMethod]
    public void Sarif_format_writes_valid_sarif_to_the_output_file_or_standard_output()
    {
        var file = workspace.PathOf("out/infralint.sarif");
        var toFile = workspace.Run("check", "infra", "--format", "sarif", "--output", file);
        var toStdout = workspace.Run("check", "infra", "--format", "sarif");

        Assert.AreEqual(1, toFile.ExitCode, toFile.ToString());
        Assert.AreEqual(string.Empty, toFile.StandardOutput);
        var sarif = SarifSchema.AssertValidFile(file);
        Assert.AreEqual(sarif, toStdout.StandardOutput, "standard output and the file hold the same log");
        SarifSchema.AssertValid(toStdout.StandardOutput);
        StringAssert.Contains(sarif, "\"uri\": \"infra/legacy%2C%20v1/flow.bicep\"");
        Assert.IsFalse(sarif.Contains(workspace.Root, StringComparison.Ordinal), "no absolute path");
        Assert.IsFalse(sarif.Contains("placeholder", StringComparison.Ordinal), "no secret value");
        Assert.AreNotEqual((byte)0xEF, File.ReadAllBytes(file)[0], "no byte order mark");
    }

    [TestMethod]
    public void An_unchanged_output_file_is_not_rewritten()
    {
        var file = workspace.PathOf("unchanged/infralint.sarif");
        Assert.AreEqual(1, workspace.Run("check", "infra", "--format", "sarif", "--output", file).ExitCode);
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, past);

        Assert.AreEqual(1, workspace.Run("check", "infra", "--format", "sarif", "--output", file).ExitCode);
        Assert.AreEqual(past, File.GetLastWriteTimeUtc(file));
        SarifSchema.AssertValidFile(file);
    }

    [TestMethod]
    public void Json_format_lists_findings_and_counts_for_scripts()
    {
        var result = workspace.Run("check", "infra", "--format", "json", "--fail-level", "none");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.AreEqual(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.AreEqual(2, root.GetProperty("summary").GetProperty("warnings").GetInt32());
        var secret = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "INFRA1001");
        Assert.AreEqual("infra/web.bicep", secret.GetProperty("file").GetString());
        Assert.AreEqual(8, secret.GetProperty("line").GetInt32());
        Assert.AreEqual("properties.siteConfig.appSettings[0].name", secret.GetProperty("propertyPath").GetString());
        Assert.AreEqual(64, secret.GetProperty("fingerprint").GetString()!.Length);
        Assert.IsFalse(result.StandardOutput.Contains("placeholder", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Text_stays_the_default_format()
    {
        var result = workspace.Run("check", "infra/web.bicep");
        Assert.AreEqual(
            "infra/web.bicep(8,11): warning INFRA1001: App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity\n",
            result.StandardOutput);
        Assert.AreEqual(result.StandardOutput, workspace.Run("check", "infra/web.bicep", "--format", "text").StandardOutput);
    }
}
