using System.Text.Json;
using InfraLint.Tests;
using static InfraLint.Cli.Tests.DiffRepository;

namespace InfraLint.Cli.Tests;

/// <summary>
/// `infralint diff` as a pull-request check runs it: each testdata/diff/&lt;case&gt; is made into a git repository (its base
/// committed, then overwritten with its head in the working tree) and the real CLI compares them with the real compiler.
/// expected.json holds the reviewed JSON; INFRALINT_UPDATE_GOLDEN=1 rewrites it.
/// </summary>
[TestClass]
public sealed class DiffCommandTests
{
    [TestMethod]
    [DataRow("module-parameter", false)]
    [DataRow("bicepparam", false)]
    [DataRow("loop-gains-item", false)]
    [DataRow("loop-gains-item", true)]
    [DataRow("settings", false)]
    [DataRow("settings", true)]
    [DataRow("grant-narrowed", false)]
    [DataRow("moved-block", false)]
    [DataRow("rename", false)]
    public void Json_matches_the_reviewed_diff(string name, bool reversed)
    {
        using var workspace = Repository(name, reversed);

        var run = workspace.Run("diff", "--base", "HEAD", ".", "--format", "json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        AssertMatchesGolden(run.StandardOutput, Path.Combine(name, reversed ? "expected-reversed.json" : "expected.json"));
    }

    [TestMethod]
    public void A_role_raised_through_a_module_parameter_is_one_grantWidened_in_the_module_with_the_previous_role()
    {
        using var workspace = Repository("module-parameter");

        var change = Changes(workspace.Run("diff", "--base", "HEAD", "infra", "--format", "json")).Single(c => c.GetProperty("kind").GetString() != "findingNew");

        Assert.AreEqual("grantWidened", change.GetProperty("kind").GetString());
        Assert.IsTrue(change.GetProperty("widening").GetBoolean());
        Assert.AreEqual("id-exp-ranker", change.GetProperty("principal").GetString());
        Assert.AreEqual("Contributor", change.GetProperty("role").GetString());
        Assert.AreEqual("rg-contoso-chat-prod", change.GetProperty("scope").GetString());
        Assert.AreEqual("production", change.GetProperty("environment").GetString());
        Assert.AreEqual("infra/modules/grant.bicep", change.GetProperty("file").GetString());
        Assert.AreEqual("Reader", change.GetProperty("previous").GetProperty("role").GetString());
        Assert.AreEqual("resourceGroup", change.GetProperty("previous").GetProperty("scopeLevel").GetString());
    }

    [TestMethod]
    [DataRow("moved-block")]
    [DataRow("rename")]
    public void Moving_or_renaming_code_is_no_change(string name)
    {
        using var workspace = Repository(name);

        var run = workspace.Run("diff", "--base", "HEAD", ".", "--format", "json", "--fail-on", "widening");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(0, Changes(run).Count, run.StandardOutput);
        // The identity, the grant, the attachment and the secret are there on both sides: the comparison had something to compare.
        StringAssert.Contains(run.StandardError, "0 widening, 0 narrowing, 0 neutral");
    }

    [TestMethod]
    public void Fail_on_widening_exits_1_and_every_format_is_written()
    {
        using var workspace = Repository("settings");

        var gate = workspace.Run("diff", "--base", "HEAD", ".", "--fail-on", "widening");
        var markdown = workspace.Run("diff", "--base", "HEAD", ".", "--format", "markdown", "--fail-on", "none");
        var sarif = workspace.Run("diff", "--base", "HEAD", ".", "--format", "sarif", "--output", "diff.sarif");
        using var narrowed = Repository("grant-narrowed");
        var narrowing = narrowed.Run("diff", "--base", "HEAD", ".", "--fail-on", "widening");

        Assert.AreEqual(1, gate.ExitCode, gate.ToString());
        StringAssert.StartsWith(gate.StandardOutput, "main.bicep(23): widening attachmentAdded: ");
        Assert.AreEqual(0, markdown.ExitCode, markdown.ToString());
        StringAssert.Contains(markdown.StandardOutput, "**This change widens trust**: 6 widening changes, 1 narrowing, 1 neutral");
        StringAssert.Contains(markdown.StandardOutput, "[main.bicep:37](main.bicep#L37)");
        StringAssert.Contains(markdown.StandardOutput, "<details><summary>2 narrowing or neutral changes</summary>");
        Assert.AreEqual(0, sarif.ExitCode, sarif.ToString());
        using var log = JsonDocument.Parse(workspace.Read("diff.sarif"));
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.AreEqual(6, results.GetArrayLength());
        Assert.IsTrue(results.EnumerateArray().All(r => r.GetProperty("ruleId").GetString() == "INFRA0008" && r.GetProperty("level").GetString() == "note"));
        Assert.AreEqual(0, narrowing.ExitCode, narrowing.ToString());
    }

    [TestMethod]
    [DataRow("diff", "--upload-pack=touch pwned", "is not a git revision")]
    [DataRow("diff", "no-such-branch", "does not exist")]
    [DataRow("graph", "--upload-pack=touch pwned", "is not a git revision")]
    [DataRow("graph", "no-such-branch", "does not exist")]
    public void A_ref_that_is_an_option_or_unknown_exits_2_and_leaves_the_checkout_as_it_was(string verb, string reference, string reason)
    {
        using var workspace = Repository("settings");
        var before = Git(workspace.Root, "status", "--porcelain");

        var run = workspace.Run(verb, "--base", reference, ".", "--output", "changes.md");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardError, reason);
        Assert.AreEqual(before, Git(workspace.Root, "status", "--porcelain"));
        Assert.IsFalse(File.Exists(workspace.PathOf("pwned")));
        Assert.IsFalse(File.Exists(workspace.PathOf("changes.md")), "nothing is written");
    }

    [TestMethod]
    public void Hooks_and_filters_of_the_analysed_repository_do_not_run_and_the_checkout_is_untouched()
    {
        using var workspace = Repository("loop-gains-item");
        // A repository whose configuration would run programs on checkout, on any git command (fsmonitor) and through filters.
        var marker = workspace.PathOf("ran");
        Git(workspace.Root, "config", "core.fsmonitor", $"touch {marker}-fsmonitor; false");
        Git(workspace.Root, "config", "filter.evil.smudge", $"touch {marker}-smudge; cat");
        Git(workspace.Root, "config", "filter.evil.clean", $"touch {marker}-clean; cat");
        File.WriteAllText(workspace.PathOf(".git/hooks/post-checkout"), $"#!/bin/sh\ntouch {marker}-hook\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(workspace.PathOf(".git/hooks/post-checkout"), (UnixFileMode)0x1ED);
        File.WriteAllText(workspace.PathOf(".gitattributes"), "*.bicep filter=evil\n");
        var head = File.ReadAllText(workspace.PathOf("main.bicep"));
        var temporary = Directory.GetDirectories(Path.GetTempPath(), "infralint-diff-*").Length;

        var run = workspace.Run("diff", "--base", "HEAD", ".", "--format", "json");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(2, Changes(run).Count, run.StandardOutput);
        Assert.AreEqual(0, Directory.GetFiles(workspace.Root, "ran-*").Length, string.Join(", ", Directory.GetFiles(workspace.Root, "ran-*")));
        Assert.AreEqual(head, File.ReadAllText(workspace.PathOf("main.bicep")));
        Assert.IsTrue(Directory.GetDirectories(Path.GetTempPath(), "infralint-diff-*").Length <= temporary, "the base's temporary tree is removed");
    }

    [TestMethod]
    public void A_clean_checkout_is_named_by_its_commit()
    {
        using var workspace = Repository("rename");
        Git(workspace.Root, "add", "-A");
        Git(workspace.Root, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "head");
        var head = Git(workspace.Root, "rev-parse", "HEAD").Trim();

        var run = workspace.Run("diff", "--base", "HEAD~1", ".", "--format", "json");

        using var json = JsonDocument.Parse(run.StandardOutput);
        Assert.AreEqual(head, json.RootElement.GetProperty("head").GetString(), run.ToString());
        Assert.AreEqual("HEAD~1", json.RootElement.GetProperty("base").GetString());
    }

    [TestMethod]
    public void Editorconfig_or_infralint_json_sets_the_level_of_INFRA0008_in_SARIF_and_none_leaves_code_scanning_out()
    {
        using var workspace = Repository("settings");
        workspace.Write("infralint.json", """{ "rules": { "INFRA0008": "warning" } }""");
        var warning = workspace.Run("diff", "--base", "HEAD", ".", "--format", "sarif", "--output", "warning.sarif");
        // .editorconfig comes first, as in an analysis.
        workspace.Write(".editorconfig", "root = true\n[*.bicep]\ndotnet_diagnostic.INFRA0008.severity = error\n");
        var error = workspace.Run("diff", "--base", "HEAD", ".", "--format", "sarif", "--output", "error.sarif");
        File.Delete(workspace.PathOf(".editorconfig"));
        workspace.Write("infralint.json", """{ "rules": { "INFRA0008": "none" } }""");
        var none = workspace.Run("diff", "--base", "HEAD", ".", "--format", "sarif", "--output", "none.sarif");

        Assert.AreEqual(0, warning.ExitCode, warning.ToString());
        using var log = JsonDocument.Parse(workspace.Read("warning.sarif"));
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.AreEqual(6, results.GetArrayLength());
        Assert.IsTrue(results.EnumerateArray().All(r => r.GetProperty("level").GetString() == "warning"));
        Assert.AreEqual(0, error.ExitCode, error.ToString());
        using var errors = JsonDocument.Parse(workspace.Read("error.sarif"));
        var errorResults = errors.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.AreEqual(6, errorResults.GetArrayLength());
        Assert.IsTrue(errorResults.EnumerateArray().All(r => r.GetProperty("level").GetString() == "error"));
        Assert.AreEqual(0, none.ExitCode, none.ToString());
        using var silent = JsonDocument.Parse(workspace.Read("none.sarif"));
        Assert.AreEqual(0, silent.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [TestMethod]
    public void The_README_shows_the_comment_for_a_pull_request_that_gives_the_experiment_Contributor_on_production()
    {
        const string Command = "$ infralint diff --base main infra --format markdown\n";
        var shown = TestEnvironment.ReadmeOutputOf(Command);

        // The sample as its own repository on branch main, and the pull request's files in the working tree.
        using var workspace = new CliWorkspace();
        Git(workspace.Root, "init", "-q", "-b", "main");
        var sample = Path.Combine(TestEnvironment.RepoRoot, "samples", "ContosoInfra");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetRelativePath(sample, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj")))
        {
            var target = workspace.PathOf(Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Git(workspace.Root, "add", "-A");
        Git(workspace.Root, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "sample");
        foreach (var file in Directory.EnumerateFiles(TestEnvironment.TestData("diff", "sample-pr"), "*", SearchOption.AllDirectories))
            File.Copy(file, workspace.PathOf(Path.GetRelativePath(TestEnvironment.TestData("diff", "sample-pr"), file)), overwrite: true);

        var run = workspace.Run("diff", "--base", "main", "infra", "--format", "markdown");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(shown, run.StandardOutput);
        StringAssert.Contains(shown, "| grantAdded | id-exp-ranker | Contributor | resourceGroup rg-contoso-chat-prod \\(production\\) |");
    }

    [TestMethod]
    public void Diff_needs_base()
    {
        using var workspace = new CliWorkspace();

        var run = workspace.Run("diff", ".");

        Assert.AreEqual(2, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardError, "diff needs --base REF");
    }

    private static List<JsonElement> Changes(ProcessRunner.Result run)
    {
        Assert.IsTrue(run.ExitCode is 0 or 1, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        return json.RootElement.GetProperty("changes").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    private static void AssertMatchesGolden(string actual, string name)
    {
        var golden = TestEnvironment.TestData("diff", name);
        if (Environment.GetEnvironmentVariable("INFRALINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
            return;
        }
        Assert.IsTrue(File.Exists(golden), $"testdata/diff/{name} is missing; run the tests with INFRALINT_UPDATE_GOLDEN=1 to create it");
        Assert.AreEqual(File.ReadAllText(golden), actual, $"the diff differs from testdata/diff/{name}; if the change is deliberate, run with INFRALINT_UPDATE_GOLDEN=1 and review it");
    }
}
