using System.Text.RegularExpressions;
using InfraLint.Tests;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Cli.Tests;

/// <summary>The repository's GitHub Action (<c>action.yml</c>): it parses, uses only what it declares, and its scripts run as
/// GitHub runs them (<c>bash --noprofile --norc -eo pipefail</c>) against the real CLI on a pull request made in a real git
/// repository. Only what needs GitHub itself is stood in for: <c>gh</c> records its calls, and the install step (a pack of
/// this source tree) is replaced by the test build of the CLI.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the action's steps are bash scripts
public sealed partial class ActionTests
{
    private const string Marker = "<!-- infralint-trust-diff -->";

    [GeneratedRegex(@"\$\{\{\s*(?<expr>.*?)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"\binputs\.(?<name>[A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\bsteps\.(?<id>[A-Za-z0-9_-]+)\.outputs\.(?<name>[A-Za-z0-9_-]+)")]
    private static partial Regex StepOutputReference();

    [GeneratedRegex(@"^\s*infralint (?<verb>[a-z]+)", RegexOptions.Multiline)]
    private static partial Regex CliCommand();

    private static YamlMappingNode Action()
    {
        using var reader = new StreamReader(Path.Combine(TestEnvironment.RepoRoot, "action.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Text(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
            ? scalar.Value ?? ""
            : "";

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode action) =>
        ((YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"]).Children.Cast<YamlMappingNode>();

    [TestMethod]
    public void The_action_declares_everything_it_uses()
    {
        var action = Action();
        Assert.AreEqual("composite", Text(action["runs"], "using"));
        var inputs = ((YamlMappingNode)action["inputs"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var text = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "action.yml"));
        foreach (Match expression in Expression().Matches(text))
        {
            foreach (Match input in InputReference().Matches(expression.Value))
                Assert.IsTrue(inputs.Contains(input.Groups["name"].Value), $"{expression.Value} uses an undeclared input");
        }

        var steps = Steps(action).ToList();
        var ids = steps.Select(s => Text(s, "id")).Where(id => id.Length > 0).ToList();
        Assert.AreEqual(ids.Count, ids.Distinct().Count(), "step ids are unique");
        foreach (Match output in StepOutputReference().Matches(text))
        {
            var step = steps.SingleOrDefault(s => Text(s, "id") == output.Groups["id"].Value);
            Assert.IsNotNull(step, $"{output.Value}: no step has that id");
            StringAssert.Contains(Text(step, "run"), $"echo \"{output.Groups["name"].Value}=", $"{output.Value} is never written");
        }

        foreach (var step in steps)
        {
            var uses = Text(step, "uses");
            if (uses.Length > 0)
                StringAssert.Matches(uses, new Regex(@"^[\w.-]+/[\w./-]+@v\d+$"), "actions are pinned to a major version");
            else
                Assert.AreEqual("bash", Text(step, "shell"), $"{Text(step, "name")}: composite run steps name their shell");
            // Inputs and event values reach scripts through env only: an expression inside a script is an injection.
            Assert.IsFalse(Expression().IsMatch(Text(step, "run")), $"{Text(step, "name")}: an expression is spliced into the script");
        }

        // The CLI it runs is this repository's CLI: every verb exists (the scripts run for real below).
        var verbs = steps.SelectMany(s => CliCommand().Matches(Text(s, "run"))).Select(m => m.Groups["verb"].Value).ToHashSet();
        CollectionAssert.AreEquivalent(new[] { "check", "diff" }, verbs.ToArray());
        Assert.IsTrue(File.Exists(Path.Combine(TestEnvironment.RepoRoot, "src", "InfraLint.Cli", "InfraLint.Cli.csproj")), "the install step packs this project");
        Assert.IsTrue(File.Exists(Path.Combine(TestEnvironment.RepoRoot, "global.json")), "setup-dotnet reads the action's global.json");
    }

    [GeneratedRegex(@"\$\{\{\s*parameters\.(?<name>[A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex TemplateParameter();

    // $(Build.Reason): a pipeline macro, replaced in the script's text before it runs (shell's $(cmd) is lower case).
    [GeneratedRegex(@"\$\([A-Z][A-Za-z]*(\.[A-Za-z]+)*\)")]
    private static partial Regex PipelineMacro();

    [TestMethod]
    public void The_Azure_Pipelines_template_declares_everything_it_uses_and_runs_the_same_commands()
    {
        var path = Path.Combine(TestEnvironment.RepoRoot, "build", "azure-pipelines", "infralint.yml");
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
            stream.Load(reader);
        var template = (YamlMappingNode)stream.Documents.Single().RootNode;
        var parameters = ((YamlSequenceNode)template["parameters"]).Children.Select(p => Text(p, "name")).ToHashSet();
        foreach (Match use in TemplateParameter().Matches(text))
            Assert.IsTrue(parameters.Contains(use.Groups["name"].Value), $"{use.Value} is not declared");
        foreach (var name in parameters)
            StringAssert.Contains(text, $"parameters.{name}", $"parameter {name} is declared but never used");

        var scripts = ((YamlSequenceNode)template["steps"]).Children
            .SelectMany(s => s is YamlMappingNode step && step.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value!.StartsWith("${{", StringComparison.Ordinal))
                ? ((YamlSequenceNode)step.Children.Values.Single()).Children
                : [s])
            .Select(s => Text(s, "bash"))
            .Where(s => s.Length > 0)
            .ToList();
        foreach (var script in scripts)
            Assert.IsFalse(Expression().IsMatch(script) || PipelineMacro().IsMatch(script),
                "parameters and pipeline values reach scripts through env, never spliced into them:\n" + script);
        var verbs = scripts.SelectMany(s => CliCommand().Matches(s)).Select(m => m.Groups["verb"].Value).ToHashSet();
        CollectionAssert.AreEquivalent(new[] { "check", "diff" }, verbs.ToArray(), "the template runs what the action runs");
    }

    [TestMethod]
    public void On_a_pull_request_that_widens_trust_the_action_reports_comments_once_and_fails_the_gate()
    {
        using var run = new ActionRun();
        var first = run.RunSteps(existingComment: null);

        // check: every finding to SARIF, the annotation for the new one, and the gate's status.
        SarifSchema.AssertValidFile(first.Outputs["check"]["sarif-file"]);
        StringAssert.Contains(first.Output["check"], "::warning file=infra/main.bicep,line=");
        StringAssert.Contains(first.Output["check"], "title=INFRA3001::");
        Assert.AreEqual("1", first.Outputs["check"]["status"]);

        // diff: the grant is a widening change, in the Markdown that becomes the comment and the job summary.
        Assert.AreEqual("0", first.Outputs["diff"]["status"], "fail-on defaults to none: the diff reports, it does not fail");
        var markdown = File.ReadAllText(first.Outputs["diff"]["markdown-file"]);
        StringAssert.Contains(markdown, "Contributor");
        StringAssert.Contains(File.ReadAllText(run.Summary), markdown);

        // comment: looked up by its marker, then posted with the Markdown under the marker.
        CollectionAssert.AreEqual(
            new[]
            {
                $"api --paginate repos/contoso/infra/issues/7/comments --jq .[] | select(.body | startswith(\"{Marker}\")) | .id",
                "api --method POST repos/contoso/infra/issues/7/comments -F body=@" + run.PathOf("runner", "infralint-comment.md"),
            },
            first.GhCalls);
        Assert.AreEqual(Marker + "\n" + markdown, File.ReadAllText(run.PathOf("runner", "infralint-comment.md")));

        Assert.AreEqual(1, first.GateExitCode, first.Output["gate"]);
        StringAssert.Contains(first.Output["gate"], "::error title=InfraLint::findings at or above the fail level");

        // The next push updates the same comment instead of adding one.
        var second = run.RunSteps(existingComment: "42");
        Assert.AreEqual("api --method PATCH repos/contoso/infra/issues/comments/42 -F body=@" + run.PathOf("runner", "infralint-comment.md"), second.GhCalls[1]);
    }

    /// <summary>A git repository with a base commit and a pull request on top, and a runner's folders.</summary>
    private sealed class ActionRun : IDisposable
    {
        private readonly TempDirectory _root = new();
        private readonly Dictionary<string, string> _inputs;
        private readonly string _baseSha;

        public ActionRun()
        {
            Directory.CreateDirectory(PathOf("runner"));
            Directory.CreateDirectory(PathOf("bin"));
            Directory.CreateDirectory(PathOf("repo", "infra"));
            File.WriteAllText(PathOf("repo", "infra", "main.bicep"), BaseTemplate);
            Git("init", "-q", "-b", "main");
            Git("add", ".");
            Git("commit", "-q", "-m", "base");
            _baseSha = Git("rev-parse", "HEAD");
            File.WriteAllText(PathOf("repo", "infra", "main.bicep"), BaseTemplate + PullRequestGrant);
            Git("commit", "-q", "-am", "pull request");

            // The CLI the install step would put on PATH, and a gh that records what it is asked.
            WriteScript("infralint", $"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "infralint.dll")}' \"$@\" --bicep '{TestEnvironment.BicepPath}'");
            WriteScript("gh", $"""
                printf '%s\n' "$*" >> '{PathOf("runner", "gh-calls")}'
                if [ "$2" = --paginate ] && [ -n "$FAKE_COMMENT_ID" ]; then echo "$FAKE_COMMENT_ID"; fi
                """);
            _inputs = ((YamlMappingNode)Action()["inputs"]).Children
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Text(p.Value, "default"));
            _inputs["path"] = "infra";
        }

        public string Summary => PathOf("runner", "summary.md");

        public string PathOf(params string[] parts) => Path.Combine([_root.Path, .. parts]);

        public sealed record Result(Dictionary<string, Dictionary<string, string>> Outputs, Dictionary<string, string> Output, List<string> GhCalls, int GateExitCode);

        public Result RunSteps(string? existingComment)
        {
            File.Delete(PathOf("runner", "gh-calls"));
            var outputs = new Dictionary<string, Dictionary<string, string>>();
            var output = new Dictionary<string, string>();
            var gate = -1;
            foreach (var step in Steps(Action()).Where(s => Text(s, "run").Length > 0 && Text(s, "id") != "install"))
            {
                var id = Text(step, "id") is { Length: > 0 } named ? named : "gate";
                var outputFile = PathOf("runner", $"output-{id}");
                File.WriteAllText(outputFile, "");
                var environment = new Dictionary<string, string?>
                {
                    ["PATH"] = PathOf("bin") + ":" + Environment.GetEnvironmentVariable("PATH"),
                    ["RUNNER_TEMP"] = PathOf("runner"),
                    ["GITHUB_OUTPUT"] = outputFile,
                    ["GITHUB_STEP_SUMMARY"] = Summary,
                    ["GITHUB_REPOSITORY"] = "contoso/infra",
                    ["GITHUB_ACTION_PATH"] = TestEnvironment.RepoRoot,
                    ["FAKE_COMMENT_ID"] = existingComment ?? "",
                };
                if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
                {
                    foreach (var (key, value) in ((YamlMappingNode)env).Children)
                        environment[((YamlScalarNode)key).Value!] = Evaluate(((YamlScalarNode)value).Value!, outputs);
                }
                File.WriteAllText(PathOf("runner", "step.sh"), Text(step, "run"));
                var result = ProcessRunner.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", PathOf("runner", "step.sh")], PathOf("repo"), TimeSpan.FromMinutes(3), environment);
                output[id] = result.StandardOutput + result.StandardError;
                if (id == "gate")
                    gate = result.ExitCode;
                else
                    Assert.AreEqual(0, result.ExitCode, $"step {id}:\n{result}");
                outputs[id] = File.ReadAllLines(outputFile).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            }
            var calls = File.Exists(PathOf("runner", "gh-calls")) ? File.ReadAllLines(PathOf("runner", "gh-calls")).ToList() : [];
            return new Result(outputs, output, calls, gate);
        }

        // What GitHub puts in place of the expressions the action's env uses, on a pull_request event.
        private string Evaluate(string value, Dictionary<string, Dictionary<string, string>> outputs) => Expression().Replace(value, m =>
        {
            var expression = m.Groups["expr"].Value;
            if (InputReference().Match(expression) is { Success: true } input && input.Value == expression)
                return _inputs[input.Groups["name"].Value];
            if (StepOutputReference().Match(expression) is { Success: true } step && step.Value == expression)
                return outputs.TryGetValue(step.Groups["id"].Value, out var written) && written.TryGetValue(step.Groups["name"].Value, out var v) ? v : "";
            return expression switch
            {
                "github.event.pull_request.base.sha" => _baseSha,
                "github.event.pull_request.number" => "7",
                "github.token" => "token",
                _ => throw new AssertFailedException($"the test does not know what GitHub puts for {expression}"),
            };
        });

        private void WriteScript(string name, string body)
        {
            var path = PathOf("bin", name);
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        private string Git(params string[] arguments)
        {
            var run = ProcessRunner.Run("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", .. arguments], PathOf("repo"), TimeSpan.FromMinutes(1));
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            return run.StandardOutput.Trim();
        }

        public void Dispose() => _root.Dispose();
    }

    private const string BaseTemplate = """
        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'id-exp-ranker'
          location: 'westeurope'
        }

        """;

    // The pull request: the experiment's identity becomes Contributor on the whole resource group (INFRA3001, and a grantAdded).
    private const string PullRequestGrant = """
        resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(resourceGroup().id, identity.id, 'contributor')
          properties: {
            principalId: identity.properties.principalId
            principalType: 'ServicePrincipal'
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
          }
        }
        """;
}
