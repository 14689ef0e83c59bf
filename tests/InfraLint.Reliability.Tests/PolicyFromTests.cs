using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// <c>--policy-from &lt;ref&gt;</c> in a real git repository: a pull request that turns its own gate off (a severity
/// lowered, a rule disabled, a suppression or baseline entry added, a pack removed) changes nothing, and each such
/// change is INFRA0006 at its line; the checkout is never touched; a missing revision is exit 2.
/// </summary>
[TestClass]
public sealed class PolicyFromTests
{
    private const string Template = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.ContainerInstance/containerGroups",
              "apiVersion": "2023-05-01",
              "name": "ci-orders",
              "location": "westeurope",
              "properties": { "osType": "Linux", "containers": [] }
            }
          ]
        }

        """;

    [TestMethod]
    public void A_change_that_weakens_the_configuration_is_INFRA0006_and_the_base_configuration_applies()
    {
        using var repo = Repository();
        repo.Write("infra/main.json", Template);
        repo.Write("infralint.json", "{\n  \"rules\": {\n    \"INFRA1001\": \"error\"\n  },\n  \"rulePacks\": [\"packs/contoso.infralint-rules.json\"]\n}\n");
        repo.Write("packs/contoso.infralint-rules.json", """{ "name": "Contoso", "version": "1.0.0", "idPrefix": "CONTOSO", "rules": [] }""");
        repo.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.INFRA1003.severity = error\n");
        Commit(repo, "base");
        Git(repo, "checkout", "-q", "-b", "pull-request");
        repo.Write("infralint.json", "{\n  \"rules\": {\n    \"INFRA2001\": \"none\"\n  },\n  \"suppressions\": [\n    { \"id\": \"INFRA2001\", \"justification\": \"trust me\" }\n  ]\n}\n");
        repo.Write(".editorconfig", "root = true\n\n[*.json]\ndotnet_diagnostic.INFRA1003.severity = error\ndotnet_diagnostic.INFRA2001.severity = none\n");
        Commit(repo, "weaken the gate");
        var head = Git(repo, "rev-parse", "HEAD");

        var gated = Check(repo, "--policy-from", "main");
        var ungated = Check(repo);

        Assert.AreEqual(0, ungated.ExitCode, "without --policy-from the pull request's own configuration silences the finding: " + ungated);
        Assert.AreEqual(1, gated.ExitCode, gated.ToString());
        CollectionAssert.AreEqual(new[]
        {
            ".editorconfig(5,1): warning INFRA0006: the change lowers the severity of INFRA2001 from warning to none in .editorconfig",
            "infra/main.json(6,7): warning INFRA2001: 'ci-orders' (Microsoft.ContainerInstance/containerGroups) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets",
            "infralint.json(1,1): warning INFRA0006: the change removes the rule pack \"packs/contoso.infralint-rules.json\" from infralint.json",
            "infralint.json(2,3): warning INFRA0006: the change removes the severity error of INFRA1001 from infralint.json (back to its default, warning)",
            "infralint.json(3,5): warning INFRA0006: the change lowers the severity of INFRA2001 from warning to none in infralint.json",
            "infralint.json(6,5): warning INFRA0006: the change adds a suppression of INFRA2001 to infralint.json",
        }, gated.OutputLines, gated.ToString());
        Assert.AreEqual(head, Git(repo, "rev-parse", "HEAD"), "the checkout stays where it was");
        Assert.AreEqual(string.Empty, Git(repo, "status", "--porcelain"), "the working tree is untouched");
    }

    [TestMethod]
    public void A_baseline_entry_added_by_the_change_is_INFRA0006_and_does_not_hide_the_finding()
    {
        using var repo = Repository();
        repo.Write("infra/other.json", Template.Replace("ci-orders", "ci-billing", StringComparison.Ordinal));
        Assert.AreEqual(0, Cli(repo, "baseline", "create", "--output", "infralint.baseline.sarif", "infra").ExitCode);
        Commit(repo, "base with its baseline");
        Git(repo, "checkout", "-q", "-b", "pull-request");
        repo.Write("infra/main.json", Template);
        Assert.AreEqual(0, Cli(repo, "baseline", "create", "--output", "infralint.baseline.sarif", "infra").ExitCode, "the pull request regenerates the baseline");
        Commit(repo, "add a template and hide its finding");

        var gated = Check(repo, "--baseline", "infralint.baseline.sarif", "--policy-from", "main");
        var ungated = Check(repo, "--baseline", "infralint.baseline.sarif");

        Assert.AreEqual(0, ungated.ExitCode, ungated.ToString());
        Assert.AreEqual(1, gated.ExitCode, gated.ToString());
        var lines = gated.OutputLines;
        Assert.AreEqual(2, lines.Length, gated.ToString());
        StringAssert.StartsWith(lines[0], "infra/main.json(6,7): warning INFRA2001: 'ci-orders'");
        StringAssert.Matches(lines[1], new System.Text.RegularExpressions.Regex(@"^infralint\.baseline\.sarif\(\d+,\d+\): warning INFRA0006: the change adds a baseline entry for INFRA2001, which hides that finding$"));
        var line = int.Parse(lines[1].Split('(', ',')[1], System.Globalization.CultureInfo.InvariantCulture);
        StringAssert.Contains(File.ReadAllLines(Path.Combine(repo.Path, "infralint.baseline.sarif"))[line - 1], "{", "the line of the added result");
    }

    [TestMethod]
    public void An_unchanged_configuration_gives_no_INFRA0006()
    {
        using var repo = Repository();
        repo.Write("infra/main.json", Template);
        repo.Write("infralint.json", "{\n  \"rules\": {\n    \"INFRA2001\": \"none\"\n  }\n}\n");
        Commit(repo, "base");

        var gated = Check(repo, "--policy-from", "main");

        Assert.AreEqual(0, gated.ExitCode, gated.ToString());
        Assert.AreEqual(0, gated.OutputLines.Length, gated.ToString());
    }

    [TestMethod]
    public void A_missing_revision_is_a_usage_error()
    {
        using var repo = Repository();
        repo.Write("infra/main.json", Template);
        Commit(repo, "base");

        var run = Check(repo, "--policy-from", "no-such-branch");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardError, "the git revision 'no-such-branch' does not exist");
    }

    private static TempDirectory Repository()
    {
        var repo = new TempDirectory();
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "config", "user.email", "test@example.com");
        Git(repo, "config", "user.name", "test");
        return repo;
    }

    private static void Commit(TempDirectory repo, string message)
    {
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", message);
    }

    private static string Git(TempDirectory repo, params string[] arguments)
    {
        var run = ProcessRunner.Run("git", arguments, repo.Path, TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        return run.StandardOutput.Trim();
    }

    private static ProcessRunner.Result Check(TempDirectory repo, params string[] options) => Cli(repo, ["check", "infra", .. options]);

    private static ProcessRunner.Result Cli(TempDirectory repo, params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), .. arguments, "--bicep", TestEnvironment.BicepPath],
            repo.Path, TimeSpan.FromMinutes(2));
}
