using System.Diagnostics;
using InfraLint.Core.Bicep;
using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// Mutated real inputs through the engine. Pass: every input yields findings, nothing or INFRA0001 on
/// that file; never an exception, a rule failure (INFRA0005), a compiler failure or a hang.
/// Longer runs: INFRALINT_FUZZ_COUNT=10000 dotnet test tests/InfraLint.Reliability.Tests
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    private static readonly TimeSpan PerInputBudget = TimeSpan.FromSeconds(10);

    private static string Workspace() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "infralint-fuzz", Guid.NewGuid().ToString("N"))).FullName;

    [TestMethod]
    public void The_bicep_parser_survives_mutated_bicep()
    {
        var sources = Inputs.Files(".bicep").Select(File.ReadAllText).ToList();
        var mutator = new Mutator(Inputs.Seed);
        var count = Inputs.Count(3_000);
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var text = mutator.Mutate(sources[i % sources.Count]);
            var stopwatch = Stopwatch.StartNew();
            var document = BicepParser.Parse(text);
            _ = document.Resources.Count;
            slowest = stopwatch.Elapsed > slowest ? stopwatch.Elapsed : slowest;
        }
        Assert.IsTrue(slowest < PerInputBudget, $"slowest parse took {slowest}");
    }

    [TestMethod]
    public void The_engine_survives_mutated_arm_templates()
    {
        var sources = Inputs.Files(".json").Select(File.ReadAllText).Where(t => t.Contains("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase)).ToList();
        var mutator = new Mutator(Inputs.Seed + 1);
        var count = Inputs.Count(2_000);
        var dir = Workspace();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        for (var i = 0; i < count; i++)
        {
            var file = Path.Combine(dir, $"t{i % 50}.json");
            MutatedFile.Write(file, mutator.Mutate(sources[i % sources.Count]));
            AssertSurvives(engine, file);
        }
    }

    [TestMethod]
    public void The_engine_survives_mutated_bicep_through_the_real_compiler()
    {
        var sources = Inputs.Files(".bicep").Where(f => !File.ReadAllText(f).Contains("'br", StringComparison.Ordinal)).Select(File.ReadAllText).ToList();
        var mutator = new Mutator(Inputs.Seed + 2);
        var count = Math.Max(1, Inputs.Count(2_000) / 10); // each costs a real compile
        var dir = Workspace();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        for (var i = 0; i < count; i++)
        {
            var file = Path.Combine(dir, $"m{i % 50}.bicep");
            MutatedFile.Write(file, mutator.Mutate(sources[i % sources.Count]));
            AssertSurvives(engine, file);
        }
        // Restarts only for recycling (every CompilesPerCompilerProcess compiles), never after a failure.
        var options = new AnalysisOptions { Rules = [] };
        Assert.IsTrue(engine.CompilerStarts <= 1 + count / options.CompilesPerCompilerProcess, $"{engine.CompilerStarts} compiler starts for {count} files");
    }

    internal static void AssertSurvives(InfraLintEngine engine, string file)
    {
        var stopwatch = Stopwatch.StartNew();
        AnalysisResult result;
        try
        {
            result = engine.Analyze([new InputFile(file, Explicit: true)]);
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name} on {Describe(file)}: {e}");
            return;
        }
        Assert.IsTrue(stopwatch.Elapsed < PerInputBudget, $"{Describe(file)} took {stopwatch.Elapsed}");
        var broken = result.Findings.FirstOrDefault(f => f.Id is "INFRA0002" or "INFRA0005");
        Assert.IsNull(broken, $"{broken?.Id} on {Describe(file)}: {broken?.Message}");
        foreach (var finding in result.Findings.Where(f => f.Location is not null))
            Assert.IsTrue(finding.Location!.Line >= 1 && finding.Location.Column >= 1, $"bad location {finding.Location} for {finding.Id}");
    }

    // The mutated text itself, shortened, so a failure can be reproduced.
    private static string Describe(string file)
    {
        var text = File.ReadAllText(file); // invalid UTF-8 reads back as U+FFFD
        return $"{Path.GetFileName(file)} ({text.Length} chars): {(text.Length > 300 ? text[..300] + "…" : text)}";
    }
}
