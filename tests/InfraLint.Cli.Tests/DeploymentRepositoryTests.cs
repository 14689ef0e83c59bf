using System.Text.RegularExpressions;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Cli.Tests;

/// <summary>
/// testdata/deployments/*: repositories (a <c>.git</c> marker is made here) where GitHub Actions, Azure Pipelines,
/// azd or infralint.json deploy one template to a sandbox and to production. <c>infralint deployments</c> and
/// <c>infralint check</c> run on each as a user runs them; the findings must be exactly the template's
/// <c>// expect in &lt;deployment&gt;: ID@column</c> markers, each naming its deployment, and the production deployment clean.
/// </summary>
[TestClass]
public sealed partial class DeploymentRepositoryTests
{
    public static IEnumerable<object[]> Repositories =>
        Directory.GetDirectories(TestEnvironment.TestData("deployments")).Order(StringComparer.Ordinal).Select(d => new object[] { Path.GetFileName(d) });

    [TestMethod]
    [DynamicData(nameof(Repositories))]
    public void Lists_one_sandbox_and_one_production_deployment_of_the_template(string repository)
    {
        using var workspace = Repository(repository);
        var run = List(workspace, ".", "--format", "json");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var document = JObject.Parse(run.StandardOutput);
        Assert.AreEqual(1, (int)document["schemaVersion"]!);
        var deployments = ((JArray)document["deployments"]!).Cast<JObject>().ToList();
        Assert.AreEqual(2, deployments.Count, run.StandardOutput);
        foreach (var deployment in deployments)
        {
            CollectionAssert.AreEqual(new[] { "name", "template", "parameters", "environment", "evidence", "subscription", "resourceGroup" },
                deployment.Properties().Select(p => p.Name).ToArray());
            CollectionAssert.AreEqual(new[] { "file", "line", "kind" }, ((JObject)deployment["evidence"]!).Properties().Select(p => p.Name).ToArray());
            Assert.AreEqual("infra/main.bicep", (string?)deployment["template"]);
            Assert.IsTrue((int)deployment["evidence"]!["line"]! > 0);
            Assert.IsTrue(File.Exists(workspace.PathOf((string)deployment["evidence"]!["file"]!)), run.StandardOutput);
        }
        CollectionAssert.AreEquivalent(new[] { "production", "sandbox" }, deployments.Select(d => (string?)d["environment"]).ToArray());
        CollectionAssert.AreEqual(deployments.Select(d => (string)d["name"]!).Order(StringComparer.Ordinal).ToArray(), deployments.Select(d => (string)d["name"]!).ToArray(),
            "sorted by template, then name");
        var sandbox = deployments.Single(d => (string?)d["environment"] == "sandbox");
        CollectionAssert.AreEquivalent(Markers(workspace).Select(m => m.Deployment).Distinct().ToArray(), new[] { (string)sandbox["name"]! });
    }

    [TestMethod]
    [DynamicData(nameof(Repositories))]
    public void Reports_the_sandbox_deployment_at_the_marked_lines_and_names_it(string repository)
    {
        using var workspace = Repository(repository);
        var listed = JObject.Parse(List(workspace, "--format", "json").StandardOutput)["deployments"]!.Cast<JObject>()
            .ToDictionary(d => (string)d["name"]!, d => (string)d["environment"]!);
        var run = workspace.Run("check", ".", "--format", "json");
        Assert.AreEqual(1, run.ExitCode, run.ToString());
        var findings = JObject.Parse(run.StandardOutput)["findings"]!.Cast<JObject>().ToList();
        var actual = findings.Select(f => $"{(string)f["file"]!}({(int)f["line"]!},{(int)f["column"]!}) {(string)f["ruleId"]!} in {Deployment((string)f["message"]!)}").Order(StringComparer.Ordinal).ToList();
        var expected = Markers(workspace).Select(m => $"infra/main.bicep({m.Line},{m.Column}) {m.Id} in {m.Deployment}").Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected, actual, string.Join('\n', findings.Select(f => (string)f["message"]!)));
        CollectionAssert.IsSubsetOf(new[] { "INFRA3001", "INFRA4001" }, findings.Select(f => (string)f["ruleId"]!).ToList());
        Assert.IsTrue(findings.All(f => listed[Deployment((string)f["message"]!)] == "sandbox"), "the production deployment is clean");
        Assert.IsFalse(run.StandardOutput.Contains("this-value-must-never-appear", StringComparison.Ordinal) || run.StandardError.Contains("this-value-must-never-appear", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Names_the_deployment_and_where_it_is_declared()
    {
        using var workspace = Repository("github-actions");
        var run = workspace.Run("check", ".");
        StringAssert.Contains(run.StandardOutput,
            "infra/main.bicep(30,11): warning INFRA4001: Sandbox app 'app' setting 'PAYMENTS_STORE_URL' points at production storage account 'stpaymentsprodweu01' " +
            "(name 'stpaymentsprodweu01'); keep sandbox and production apart; in deployment 'deploy-dev' (.github/workflows/deploy.yml, job deploy-dev)\n", run.ToString());
    }

    [TestMethod]
    public void Without_a_deployment_the_template_has_no_environment_and_nothing_to_report()
    {
        using var workspace = Repository("github-actions");
        File.Delete(workspace.PathOf(".github/workflows/deploy.yml"));
        var run = workspace.Run("check", "infra/main.bicep", "--format", "json");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
    }

    [TestMethod]
    public void Same_input_gives_the_same_bytes()
    {
        using var workspace = Repository("azure-pipelines");
        Assert.AreEqual(List(workspace, "--format", "json").StandardOutput, List(workspace, "--format", "json").StandardOutput);
        Assert.AreEqual(List(workspace).StandardOutput, List(workspace).StandardOutput);
    }

    [TestMethod]
    public void The_samples_workflow_deploys_its_experiment_to_dev_and_its_app_to_production_as_the_README_shows()
    {
        const string Command = "$ dotnet run --project src/InfraLint.Cli -- deployments samples/ContosoInfra\n";
        var shown = TestEnvironment.ReadmeOutputOf(Command);

        var run = ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), "deployments", "samples/ContosoInfra"],
            TestEnvironment.RepoRoot, TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(shown, run.StandardOutput.Replace("\r\n", "\n"));
        StringAssert.Contains(shown, "deploy-experiment: sandbox (environment 'dev'): infra/experiments/ranker.bicep with infra/experiments/ranker.dev.bicepparam");
        StringAssert.Contains(shown, "deploy-app: production (environment 'production'): infra/main.bicep with infra/main.prod.parameters.json");
    }

    [TestMethod]
    public void A_job_name_that_is_a_CI_logging_command_does_not_start_a_line()
    {
        using var workspace = new CliWorkspace();
        Directory.CreateDirectory(workspace.PathOf(".git"));
        workspace.Write("infra/main.bicep", "param x string = 'a'\n");
        workspace.Write(".github/workflows/d.yml", """
            on: push
            jobs:
              "##vso[task.setvariable variable=x]1":
                runs-on: ubuntu-latest
                steps:
                  - run: az deployment group create -g rg -f infra/main.bicep
            """);
        var run = List(workspace);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardOutput, "task.setvariable");
        Assert.IsFalse(run.StandardOutput.Split('\n').Any(l => l.StartsWith("##", StringComparison.Ordinal) || l.StartsWith("::", StringComparison.Ordinal)), run.StandardOutput);
    }

    private static ProcessRunner.Result List(CliWorkspace workspace, params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), "deployments", .. args], workspace.Root, TimeSpan.FromMinutes(1));

    private static CliWorkspace Repository(string name)
    {
        var workspace = new CliWorkspace();
        var source = TestEnvironment.TestData("deployments", name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = workspace.PathOf(Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(workspace.PathOf(".git"));
        return workspace;
    }

    private sealed record Marker(int Line, int Column, string Id, string Deployment);

    private static List<Marker> Markers(CliWorkspace workspace)
    {
        var markers = new List<Marker>();
        var lines = File.ReadAllLines(workspace.PathOf("infra/main.bicep"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (MarkerPattern().Match(lines[i]) is not { Success: true } match)
                continue;
            foreach (var item in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                var parts = item.Split('@');
                markers.Add(new Marker(i + 1, int.Parse(parts[1]), parts[0], match.Groups["deployment"].Value));
            }
        }
        Assert.IsTrue(markers.Count > 0, "the template marks what the sandbox deployment reports");
        return markers;
    }

    private static string Deployment(string message) =>
        DeploymentNamed().Match(message) is { Success: true } match ? match.Groups["name"].Value : "(no deployment named)";

    [GeneratedRegex(@"//\s*expect in (?<deployment>[^:]+):\s*(?<ids>.+)$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"; in deployment '(?<name>[^']+)' \([^)]*\)$")]
    private static partial Regex DeploymentNamed();
}
