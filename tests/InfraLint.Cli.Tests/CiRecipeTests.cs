using System.Text.RegularExpressions;
using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>Runs every <c>dotnet infralint …</c> command of docs/ci.md, in the order the page gives them, so the
/// recipes cannot drift from the CLI. CI variables become local folders; the compiler is passed explicitly.</summary>
[TestClass]
public sealed partial class CiRecipeTests
{
    [GeneratedRegex(@"dotnet infralint (?<args>[^\r\n]+)")]
    private static partial Regex Command();

    [GeneratedRegex(@"\$\([A-Za-z.]+\)")]
    private static partial Regex PipelineVariable();

    // The policy variable is empty outside a pull request (PolicyFromTests runs --policy-from in a real repository).
    [GeneratedRegex(@"\s*(\$INFRALINT_POLICY|\$\(INFRALINT_POLICY\))")]
    private static partial Regex PolicyVariable();

    [GeneratedRegex(@"\$\{\{ matrix\.shard \}\}|\$\(shard\)")]
    private static partial Regex ShardVariable();

        private static IReadOnlyList<string[]> Commands()
    {
        var page = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "ci.md"));
        // A matrix job's command runs once per part, as the matrix runs it.
        return Command().Matches(page)
            .SelectMany(m => ShardVariable().IsMatch(m.Groups["args"].Value)
                ? Enumerable.Range(1, 4).Select(k => ShardVariable().Replace(m.Groups["args"].Value, k.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : [m.Groups["args"].Value])
            .Select(args => PipelineVariable().Replace(PolicyVariable().Replace(args.Trim(), ""), "staging"))
            .Distinct()
            .Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    [TestMethod]
    public void The_documented_commands_run_as_the_page_says()
    {
        var commands = Commands();
        Assert.IsTrue(commands.Count >= 4, "docs/ci.md should show baseline create, the SARIF runs and the gates");
        Assert.AreEqual("baseline", commands[0][0], "the page creates the baseline before it uses it");
        var page = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "ci.md"));
        Assert.AreEqual(6, Command().Matches(page).Count(m => PolicyVariable().IsMatch(m.Value)), "every check of both recipes (and their sharded forms) reads the policy from the base on pull requests");

        using var workspace = new CliWorkspace();
        workspace.Write("infra/main.bicep", Templates.SiteWithLiteralSetting);
        foreach (var command in commands)
        {
            var result = command[0] == "merge" ? workspace.RunAsGiven(command) : workspace.Run(command);
            // Only the existing finding: baselined for the gates, and --fail-level none for the SARIF runs.
            Assert.AreEqual(0, result.ExitCode, $"dotnet infralint {string.Join(' ', command)}\n{result}");
            var output = command.SkipWhile(a => a != "--output").Skip(1).FirstOrDefault();
            if (output is not null && output.EndsWith(".sarif", StringComparison.Ordinal))
                SarifSchema.AssertValidFile(workspace.PathOf(output));
        }

        // A pull request that adds a key: the annotation gate fails with exactly one annotation.
        workspace.Write("infra/main.bicep", Templates.SiteWithLiteralSetting.Replace(
            "{ name: 'OPENAI_API_KEY', value: 'placeholder' }",
            "{ name: 'OPENAI_API_KEY', value: 'placeholder' }\n        { name: 'STORAGE_KEY', value: 'placeholder' }"));
        var gate = commands.Single(c => c.Contains("--baseline") && c.Contains("github"));
        var failed = workspace.Run(gate);
        Assert.AreEqual(1, failed.ExitCode, failed.ToString());
        Assert.AreEqual(
            "::warning file=infra/main.bicep,line=9,col=11,title=INFRA1001::App setting 'STORAGE_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity\n",
            failed.StandardOutput);
    }
}
