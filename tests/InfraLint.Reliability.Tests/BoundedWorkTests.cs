using System.Diagnostics;
using System.Text;
using InfraLint.Core.Config;
using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.Core.Packs;
using InfraLint.MSBuild;
using InfraLint.MSBuild.Tests;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace InfraLint.Reliability.Tests;

/// <summary>Every evaluation, regex and rule has a bound, and a rule's failure fails closed.</summary>
[TestClass]
public sealed class BoundedWorkTests
{
    private const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private static string Doubling(string first, Func<int, string> step, string use)
    {
        var variables = new StringBuilder($"    \"v0\": {first}");
        for (var i = 1; i <= 40; i++)
            variables.Append($",\n    \"v{i}\": \"{step(i)}\"");
        return $$"""
            {
              "$schema": "{{Schema}}",
              "contentVersion": "1.0.0.0",
              "variables": {
            {{variables}}
              },
              "resources": [
                {
                  "type": "Microsoft.Web/sites",
                  "apiVersion": "2023-12-01",
                  {{use}},
                  "location": "westeurope",
                  "identity": { "type": "SystemAssigned" }
                }
              ]
            }
            """;
    }

    [TestMethod]
    public void A_template_whose_values_double_is_INFRA0001_within_seconds_and_far_below_a_gigabyte()
    {
        using var directory = new TempDirectory();
        directory.Write("string-in-name.json", Doubling("\"0123456789abcdef0123456789abcdef\"", i => $"[concat(variables('v{i - 1}'), variables('v{i - 1}'))]", "\"name\": \"[variables('v40')]\""));
        directory.Write("array-in-property.json", Doubling("[\"a\", \"b\"]", i => $"[concat(variables('v{i - 1}'), variables('v{i - 1}'))]",
            "\"name\": \"app\", \"properties\": { \"siteConfig\": { \"appSettings\": \"[variables('v40')]\" } }"));
        directory.Write("format-unused.json", Doubling("\"xyzxyzxyzxyzxyzxyz\"", i => $"[format('{{0}}{{1}}', variables('v{i - 1}'), variables('v{i - 1}'))]", "\"name\": \"app\""));
        // A Bicep file whose variables double is the compiler's to judge first: it does not answer within the compile timeout
        // (INFRA0002), so the bound that matters here is InfraLint's own evaluation of the ARM JSON.
        directory.Write("ordinary.json", Doubling("\"ab\"", i => i < 5 ? $"[concat(variables('v{i - 1}'), variables('v{i - 1}'))]" : "x", "\"name\": \"[variables('v4')]\""));

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var result = engine.Analyze(InputDiscovery.Expand([directory.Path], out _));
        stopwatch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        var lines = result.Findings.Select(f => $"{Path.GetFileName(f.Location!.FilePath)}: {f.Id}: {f.Message}").ToList();
        var report = string.Join("\n", lines);
        foreach (var file in new[] { "string-in-name.json", "array-in-property.json", "format-unused.json" })
            CollectionAssert.Contains(lines, $"{file}: INFRA0001: Template could not be analyzed: an expression's value grows past the 4 Mi characters InfraLint evaluates", report);
        Assert.IsFalse(lines.Any(l => l.StartsWith("ordinary.json", StringComparison.Ordinal)), "a small doubling is an ordinary template:\n" + report);
        Assert.IsTrue(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"{stopwatch.Elapsed}");
        Assert.IsTrue(allocated < 1L << 30, $"{allocated / (1 << 20)} MiB allocated");
    }

    [TestMethod]
    public void Regexes_built_from_input_give_up_instead_of_stalling()
    {
        // Nested wildcards against a long subject backtrack for hours without a time limit.
        var stars = string.Concat(Enumerable.Repeat("*a", 14)) + "*b";
        var subject = new string('a', 5000);
        var stopwatch = Stopwatch.StartNew();

        Assert.IsFalse(InputRegex.IsMatch(Glob.ToRegex(stars), subject));
        Assert.IsFalse(new TypePattern(stars).IsMatch(subject));

        Assert.IsTrue(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"{stopwatch.Elapsed}");
        Assert.AreEqual(InputRegex.Timeout, Glob.ToRegex("**/*.bicep").MatchTimeout);
    }

    private static (AnalysisResult Result, TimeSpan Elapsed) RunHostilePack(TempDirectory directory, TimeSpan ruleTimeout)
    {
        var stopwatch = Stopwatch.StartNew();
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = TestEnvironment.BicepPath,
            RulePacks = [HostileInputs.Pack],
            RuleTimeout = ruleTimeout,
        });
        var result = engine.Analyze(InputDiscovery.Expand([directory.Path], out _));
        return (result, stopwatch.Elapsed);
    }

    [TestMethod]
    public void A_rule_that_never_returns_is_INFRA0005_and_the_run_goes_on()
    {
        using var directory = new TempDirectory();
        directory.Write("loop-a.bicep", HostileInputs.Site);
        directory.Write("loop-b.bicep", HostileInputs.Site);
        directory.Write("plain.bicep", HostileInputs.Site);

        var (result, elapsed) = RunHostilePack(directory, TimeSpan.FromSeconds(2));

        var lines = result.Findings.Select(f => $"{Path.GetFileName(f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {f.Id}: {f.Message}").ToList();
        var report = string.Join("\n", lines);
        CollectionAssert.Contains(lines, "loop-a.bicep(1,1): INFRA0005: Rule HOSTILE0002 failed on this file and reported nothing for it: it did not finish within 2 s", report);
        // Given up once, the rule is not run again: every later file says so instead of costing another timeout.
        foreach (var file in new[] { "loop-b.bicep", "plain.bicep" })
            CollectionAssert.Contains(lines, file + "(1,1): INFRA0005: Rule HOSTILE0002 failed on this file and reported nothing for it: it did not finish within 2 s on an earlier file and was not run again", report);
        foreach (var file in new[] { "loop-a.bicep", "loop-b.bicep", "plain.bicep" })
            Assert.IsTrue(lines.Any(l => l.StartsWith(file + "(2,1): INFRA2001", StringComparison.Ordinal)), report);
        Assert.IsTrue(elapsed < TimeSpan.FromSeconds(30), $"{elapsed}");
    }

    [TestMethod]
    public void A_rule_that_throws_OperationCanceledException_is_INFRA0005_not_a_cancelled_run()
    {
        using var directory = new TempDirectory();
        directory.Write("cancel.bicep", HostileInputs.Site);

        var (result, _) = RunHostilePack(directory, AnalysisOptions.DefaultRuleTimeout);

        var lines = result.Findings.Select(f => $"{f.Location!.Line},{f.Location.Column}: {f.Id}: {f.Message}").ToList();
        CollectionAssert.Contains(lines, "1,1: INFRA0005: Rule HOSTILE0003 failed on this file and reported nothing for it: OperationCanceledException: the rule gave up", string.Join("\n", lines));
        Assert.IsTrue(lines.Any(l => l.StartsWith("2,1: INFRA2001", StringComparison.Ordinal)), string.Join("\n", lines));
    }

    private static (bool Succeeded, FakeBuildEngine Log) Build(TempDirectory directory, Action<InfraLintTask>? configure = null)
    {
        var log = new FakeBuildEngine();
        var task = new InfraLintTask
        {
            BuildEngine = log,
            Templates = Directory.EnumerateFiles(directory.Path, "*.bicep").Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
            BicepPath = TestEnvironment.BicepPath,
            ProjectDirectory = directory.Path,
            RulePacks = [new TaskItem(HostileInputs.Pack)],
        };
        configure?.Invoke(task);
        return (task.Execute(), log);
    }

    [TestMethod]
    public void MSBuild_reports_a_failing_rule_and_honours_InfraLintRuleTimeout()
    {
        using var directory = new TempDirectory();
        directory.Write("cancel.bicep", HostileInputs.Site);
        directory.Write("loop.bicep", HostileInputs.Site);

        var (succeeded, log) = Build(directory, task => task.RuleTimeoutSeconds = 1);

        var warnings = log.Warnings.Select(w => $"{Path.GetFileName(w.File)}: {w.Code}: {w.Message}").ToList();
        var report = string.Join("\n", warnings.Concat(log.Errors.Select(e => "error " + e.Message)));
        CollectionAssert.Contains(warnings, "cancel.bicep: INFRA0005: Rule HOSTILE0003 failed on this file and reported nothing for it: OperationCanceledException: the rule gave up", report);
        CollectionAssert.Contains(warnings, "loop.bicep: INFRA0005: Rule HOSTILE0002 failed on this file and reported nothing for it: it did not finish within 1 s", report);
        Assert.AreEqual(2, warnings.Count(w => w.Contains(": INFRA2001: ", StringComparison.Ordinal)), report);
        Assert.IsTrue(succeeded, report);
    }

    [TestMethod]
    public void MSBuild_fails_when_InfraLint_is_cut_short()
    {
        using var directory = new TempDirectory();
        directory.Write("main.bicep", HostileInputs.Site);

        var (succeeded, log) = Build(directory, task => task.Cancel());

        Assert.IsFalse(succeeded);
        Assert.AreEqual("InfraLint: cancelled before it finished; its findings are incomplete.", log.Errors.Single().Message);
    }
}
