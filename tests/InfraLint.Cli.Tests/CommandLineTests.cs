using System.Text.RegularExpressions;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>
/// The command line itself (System.CommandLine definitions): per-command help generated from what each command accepts,
/// <c>--opt=value</c>, <c>--</c> before paths, and usage errors as exit 2 with a reason, run as a user runs the tool.
/// </summary>
[TestClass]
public sealed partial class CommandLineTests
{
    private static readonly string[] AnalysisOptions =
        ["--config", "--policy-from", "--bicep", "--restore", "--no-restore", "--include-generated", "--timeout", "--rule-timeout", "--parallel", "--trust-config-packs", "--rule-pack"];

    /// <summary>What each command accepts, as DESIGN.md and README's synopsis give it.</summary>
    public static IEnumerable<object[]> Commands =>
    [
        ["check", new[] { "--format", "--output", "--baseline", "--fail-level", "--fail-on-tool-errors", "--shard" }.Concat(AnalysisOptions).ToArray()],
        ["baseline create", new[] { "--output" }.Concat(AnalysisOptions).ToArray()],
        ["graph", new[] { "--format", "--output", "--base" }.Concat(AnalysisOptions).ToArray()],
        ["deployments", new[] { "--format", "--output", "--config" }],
        ["merge", new[] { "--format", "--output" }],
    ];

    private static ProcessRunner.Result RunIn(string workingDirectory, params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), .. args], workingDirectory, TimeSpan.FromMinutes(2));

    private static ProcessRunner.Result Run(params string[] args) => RunIn(AppContext.BaseDirectory, args);

    [GeneratedRegex(@"^  (?:-\?, -h, )?(?<name>--[a-z-]+)", RegexOptions.Multiline)]
    private static partial Regex HelpOption();

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    // The options section runs from "Options:" to the next blank line.
    private static string[] OptionsInHelp(string help)
    {
        var section = help[(help.IndexOf("\nOptions:\n", StringComparison.Ordinal) + 1)..];
        section = section[..(section.IndexOf("\n\n", StringComparison.Ordinal) is var end and >= 0 ? end : section.Length)];
        return HelpOption().Matches(section).Select(m => m.Groups["name"].Value).Where(n => n != "--help").ToArray();
    }

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void Each_command_has_help_listing_exactly_what_it_accepts(string command, string[] options)
    {
        foreach (var help in new[] { "--help", "-h" })
        {
            var result = Run([.. command.Split(' '), help]);

            Assert.AreEqual(0, result.ExitCode, result.ToString());
            Assert.AreEqual(string.Empty, result.StandardError, result.ToString());
            StringAssert.StartsWith(result.StandardOutput, "Description:\n", result.ToString());
            StringAssert.Contains(result.StandardOutput, $"Usage:\n  infralint {command} ", result.ToString());
            CollectionAssert.AreEquivalent(options, OptionsInHelp(result.StandardOutput), result.StandardOutput);
            Assert.IsTrue(result.StandardOutput.Split('\n').All(l => l.Length <= 120), "help is laid out for 120 columns:\n" + result.StandardOutput);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Commands))]
    public void The_readme_synopsis_names_what_each_command_accepts(string command, string[] options)
    {
        var readme = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "README.md"));
        var block = readme[readme.IndexOf("## Command line", StringComparison.Ordinal)..];
        block = block[(block.IndexOf("```text\n", StringComparison.Ordinal) + 8)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        // A command's synopsis is its first line and the indented lines that continue it.
        var lines = block.Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith($"infralint {command} ", StringComparison.Ordinal));
        Assert.IsTrue(first >= 0, $"README has no synopsis of '{command}':\n{block}");
        var synopsis = string.Join(' ', lines.Skip(first).Take(1).Concat(lines.Skip(first + 1).TakeWhile(l => l.StartsWith(' '))));

        CollectionAssert.AreEquivalent(options, OptionName().Matches(synopsis).Select(m => m.Value).Distinct().ToArray(), synopsis);
    }

    [TestMethod]
    public void Top_level_help_lists_the_commands_and_the_exit_codes()
    {
        foreach (var args in new[] { new[] { "--help" }, ["-h"], ["help"] })
        {
            var result = Run(args);

            Assert.AreEqual(0, result.ExitCode, result.ToString());
            foreach (var command in new[] { "check <path>", "baseline", "graph <path>", "deployments <path>" })
                StringAssert.Contains(result.StandardOutput, "\n  " + command, result.ToString());
            CollectionAssert.AreEquivalent(new[] { "--version", "--bicep" }, OptionsInHelp(result.StandardOutput), result.StandardOutput);
            StringAssert.Contains(result.StandardOutput, "Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage", result.ToString());
        }
    }

    [TestMethod]
    public void No_arguments_print_the_help_on_standard_error_and_exit_2()
    {
        var result = Run();

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual(string.Empty, result.StandardOutput);
        StringAssert.Contains(result.StandardError, "Usage:\n  infralint [command] [options]", result.ToString());
    }

    [TestMethod]
    [DataRow(new[] { "lint" }, "unknown command 'lint'")]
    [DataRow(new[] { "--bicep", "x" }, "a command is needed: check, baseline create, graph, deployments, diff or merge")]
    [DataRow(new[] { "check", "infra", "--shard", "0/4" }, "--shard takes K/N, part K (from 1) of N parts (N at most 1000), such as 2/4 (got '0/4')")]
    [DataRow(new[] { "check", "infra", "--shard", "5/4" }, "--shard takes K/N, part K (from 1) of N parts (N at most 1000), such as 2/4 (got '5/4')")]
    [DataRow(new[] { "check", "infra", "--shard=1" }, "--shard takes K/N, part K (from 1) of N parts (N at most 1000), such as 2/4 (got '1')")]
    [DataRow(new[] { "graph", "infra", "--shard", "1/2" }, "unknown option '--shard' for graph")]
    [DataRow(new[] { "check", "infra", "--parallel", "0" }, "--parallel takes a whole number from 1 to 64 (got '0')")]
    [DataRow(new[] { "check", "infra", "--parallel", "many" }, "--parallel takes a whole number from 1 to 64 (got 'many')")]
    [DataRow(new[] { "merge" }, "Required argument missing for command: 'merge'")]
    [DataRow(new[] { "merge", "a.sarif", "--format", "html" }, "--format takes text, sarif, github or json for merge (got 'html')")]
    [DataRow(new[] { "baseline" }, "baseline takes the subcommand 'create'")]
    [DataRow(new[] { "baseline", "delete" }, "baseline takes the subcommand 'create'")]
    [DataRow(new[] { "check" }, "check needs at least one file or directory")]
    [DataRow(new[] { "check", "--", }, "check needs at least one file or directory")]
    [DataRow(new[] { "graph", "--format", "dot" }, "graph needs at least one file or directory")]
    [DataRow(new[] { "baseline", "create", "--output", "b.sarif" }, "baseline create needs at least one file or directory")]
    [DataRow(new[] { "baseline", "create", "infra" }, "baseline create needs --output FILE")]
    [DataRow(new[] { "baseline", "create", "--output", "b.sarif", "infra", "--fail-level", "none" }, "unknown option '--fail-level' for baseline create")]
    [DataRow(new[] { "check", "infra", "--unknown" }, "unknown option '--unknown' for check (put -- before a path that begins with '-')")]
    [DataRow(new[] { "check", "-infra" }, "unknown option '-infra' for check")]
    [DataRow(new[] { "check", "infra", "--format=xml" }, "--format takes text, sarif, github or json (got 'xml')")]
    [DataRow(new[] { "check", "infra", "--fail-level", "loud" }, "--fail-level takes error, warning, note or none (got 'loud')")]
    [DataRow(new[] { "check", "infra", "--fail-level", "loud", "--fail-level", "error" }, "--fail-level takes error, warning, note or none (got 'loud')")]
    [DataRow(new[] { "check", "infra", "--fail-on-tool-errors", "maybe" }, "--fail-on-tool-errors takes true or false (got 'maybe')")]
    [DataRow(new[] { "check", "infra", "--fail-on-tool-errors=True" }, "--fail-on-tool-errors takes true or false (got 'True')")]
    [DataRow(new[] { "check", "infra", "--config", "no-such-infralint.json" }, "--config: 'no-such-infralint.json' does not exist")]
    [DataRow(new[] { "check", "infra", "--output", "" }, "--output takes a file path")]
    [DataRow(new[] { "check", "infra", "--output=" }, "--output'")]
    [DataRow(new[] { "check", "infra", "--bicep", "" }, "--bicep takes the path of the Bicep compiler")]
    [DataRow(new[] { "check", "infra", "--rule-pack", "" }, "--rule-pack takes the path of a rule pack")]
    [DataRow(new[] { "check", "infra", "--policy-from", "" }, "--policy-from takes a git revision")]
    [DataRow(new[] { "check", "infra", "--baseline", "" }, "--baseline takes the path of a baseline file")]
    [DataRow(new[] { "check", "infra", "--timeout=-5" }, "--timeout takes a number of seconds above 0 and at most 86400")]
    [DataRow(new[] { "check", "infra", "--output" }, "'--output'")]
    [DataRow(new[] { "graph", "infra", "--format", "svg" }, "--format takes html, mermaid, markdown, dot or json for graph (got 'svg')")]
    [DataRow(new[] { "graph", "infra", "--output", "trust.txt" }, "graph cannot tell the format from 'trust.txt'")]
    [DataRow(new[] { "graph", "infra", "--baseline", "b.sarif" }, "unknown option '--baseline' for graph")]
    [DataRow(new[] { "deployments", "--format", "sarif" }, "--format takes text or json for deployments (got 'sarif')")]
    [DataRow(new[] { "deployments", "a", "b" }, "deployments takes one repository path (got 'b' too)")]
    [DataRow(new[] { "deployments", ".", "--bicep", "x" }, "unknown option '--bicep' for deployments")]
    [DataRow(new[] { "--version", "check" }, "--version takes only --bicep PATH (got 'check')")]
    [DataRow(new[] { "check", "@args.rsp" }, "'@args.rsp' does not exist")]
    [DataRow(new[] { "check", "/h" }, "'/h' does not exist")]
    public void Usage_errors_exit_2_with_the_reason_on_standard_error(string[] args, string reason)
    {
        using var workspace = new CliWorkspace();
        workspace.Write("args.rsp", "--format\nxml\n");

        var result = RunIn(workspace.Root, args);

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual(string.Empty, result.StandardOutput, result.ToString());
        StringAssert.Contains(result.StandardError, "infralint: ", result.ToString());
        StringAssert.Contains(result.StandardError, reason, result.ToString());
        Assert.IsFalse(result.StandardError.Contains("Exception", StringComparison.Ordinal), result.ToString());
        Assert.IsFalse(result.StandardError.Contains("   at ", StringComparison.Ordinal), result.ToString());
    }

    [TestMethod]
    public void Options_take_their_value_after_an_equals_sign()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app.bicep", Templates.SiteWithSecretSetting);

        var spaced = RunIn(workspace.Root, "check", "infra", "--format", "json", "--fail-level", "error", "--bicep", TestEnvironment.BicepPath, "--timeout", "120");
        var joined = RunIn(workspace.Root, "check", "infra", "--format=json", "--fail-level=error", $"--bicep={TestEnvironment.BicepPath}", "--timeout=120");

        Assert.AreEqual(0, joined.ExitCode, joined.ToString());
        StringAssert.Contains(joined.StandardOutput, "\"ruleId\": \"INFRA1001\"", joined.ToString());
        Assert.AreEqual(spaced.StandardOutput, joined.StandardOutput);
        Assert.AreEqual(spaced.ExitCode, joined.ExitCode);
    }

    [TestMethod]
    public void A_repeated_single_value_option_takes_the_last_value()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app.bicep", Templates.SiteWithSecretSetting);

        var result = RunIn(workspace.Root, "check", "infra", "--bicep", TestEnvironment.BicepPath, "--fail-level", "none", "--format", "json", "--fail-level", "warning", "--format", "text");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.StandardOutput, "infra/app.bicep(10,11): warning INFRA1001", result.ToString());
    }

    [TestMethod]
    public void Double_dash_lets_a_path_begin_with_a_dash()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("-app.bicep", Templates.SiteWithSecretSetting);
        workspace.Write("--infra/app.bicep", Templates.SiteWithSecretSetting);

        var result = RunIn(workspace.Root, "check", "--bicep", TestEnvironment.BicepPath, "--", "-app.bicep", "--infra");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[]
        {
            "--infra/app.bicep(10,11): warning INFRA1001: App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
            "-app.bicep(10,11): warning INFRA1001: App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
        }, result.OutputLines, result.ToString());
        StringAssert.Contains(result.StandardError, "infralint: 2 template(s) analyzed", result.ToString());
    }

    [TestMethod]
    public void Baseline_create_takes_config()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app.bicep", Templates.SiteWithSecretSetting);
        workspace.Write("quiet/infralint.json", """{ "rules": { "INFRA1001": "none" } }""");

        var plain = workspace.Run("baseline", "create", "--output", "plain.sarif", "infra");
        var configured = workspace.Run("baseline", "create", "--output=configured.sarif", "--config", "quiet/infralint.json", "infra");

        Assert.AreEqual(0, plain.ExitCode, plain.ToString());
        Assert.AreEqual(0, configured.ExitCode, configured.ToString());
        StringAssert.Contains(plain.StandardError, "baseline of 1 finding(s) written to plain.sarif", plain.ToString());
        StringAssert.Contains(configured.StandardError, "baseline of 0 finding(s) written to configured.sarif", configured.ToString());
        StringAssert.Contains(workspace.Read("plain.sarif"), "INFRA1001");
        Assert.IsFalse(workspace.Read("configured.sarif").Contains("\"ruleId\": \"INFRA1001\"", StringComparison.Ordinal), workspace.Read("configured.sarif"));
    }

    [TestMethod]
    public void Version_takes_its_compiler_after_an_equals_sign_too()
    {
        var result = Run("--version", $"--bicep={TestEnvironment.BicepPath}");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "infralint 0.1.0", $"bicep 0.49.2 ({Path.GetFullPath(TestEnvironment.BicepPath)})" }, result.OutputLines, result.ToString());
    }
}
