using System.Globalization;
using System.Text;
using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.MSBuild;
using InfraLint.MSBuild.Tests;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Reporting.Writers;
using InfraLint.Rules;
using InfraLint.Tests;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// Runs InfraLint's outputs over one folder: every report format in process (as the CLI writes them), the
/// MSBuild task against a fake build engine (its log, SARIF file and findings cache, then a cached second
/// run), and the CLI as a real process (standard output and error).
/// </summary>
internal static class Surfaces
{
    private static IEnumerable<Sdk.RuleDescriptor> Catalogue => BuiltInRules.All.Select(r => r.Describe).Concat(ToolDiagnostics.All);

    private static readonly Lazy<(IReadOnlyList<InputFile> Files, Dictionary<string, string> Reports)> TestDataRun = new(() =>
    {
        var files = InputDiscovery.Expand([TestEnvironment.TestData()], out _);
        return (files, Reports(TestEnvironment.TestData(), files));
    });

    /// <summary>
    /// The whole testdata tree's inputs and its sequential, unsharded reports: the reference that the parallel and the
    /// shard tests compare with, computed once per test run (it costs a compile of every testdata file).
    /// </summary>
    public static (IReadOnlyList<InputFile> Files, Dictionary<string, string> Reports) TestDataReference => TestDataRun.Value;

    /// <summary>The report formats, written in process from one engine run over <paramref name="files"/>.</summary>
    /// <param name="parallelism">Lanes, each with its own compiler; above 1 every lane is used however few the files.</param>
    /// <param name="shard">With <c>--shard K/N</c>: the part and the whole run's inputs, which every format then records.</param>
    public static Dictionary<string, string> Reports(string root, IEnumerable<InputFile> files, int compilesPerCompilerProcess = 400, int parallelism = 1,
        (int Index, int Count, IReadOnlyList<InputFile> AllFiles)? shard = null)
    {
        files = files.ToList();
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = TestEnvironment.BicepPath,
            CompilesPerCompilerProcess = compilesPerCompilerProcess,
            Today = new DateOnly(2026, 11, 25),
            Parallelism = parallelism,
            BicepEntriesPerLane = 1,
            // Lanes share the machine with other test runs: a compile that waits its turn is not a compiler fault here.
            CompileTimeout = parallelism > 1 ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(60),
        });
        var result = engine.Analyze(files);
        if (parallelism > 1)
            Assert.IsTrue(engine.CompilerProcessIds.Count > 1, "more than one lane compiles");
        var report = RunReport.Create(result, root, root, null);
        if (shard is var (index, count, allFiles))
        {
            report = report with
            {
                Shard = new ShardCoverage(index, count, files.Count(), allFiles.Count,
                    Sharding.InputsDigest(allFiles, report.Root.Directory), result.ConfigurationFiles),
            };
        }
        var sarif = new SarifReportWriter(catalogue: Catalogue).Write(report);
        var baseline = SarifBaseline.Parse(sarif, "baseline.sarif");
        var baselined = RunReport.Create(result, root, root, baseline) with { Shard = report.Shard };
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["text"] = new TextReportWriter().Write(report),
            ["github"] = new GitHubReportWriter().Write(report),
            ["json"] = new JsonReportWriter().Write(report),
            ["sarif"] = sarif,
            ["sarif with baseline"] = new SarifReportWriter(baseline, Catalogue).Write(baselined),
            ["text with baseline"] = new TextReportWriter().Write(baselined),
        };
    }

    /// <summary>What the MSBuild task logs and writes (SARIF, the findings cache), over two runs: analysed, then from the cache.</summary>
    public static Dictionary<string, string> MSBuild(string root, IReadOnlyList<string> files)
    {
        var obj = Path.Combine(root, "obj");
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in new[] { "msbuild", "msbuild (cached)" })
        {
            var engine = new FakeBuildEngine();
            var task = new InfraLintTask
            {
                BuildEngine = engine,
                Templates = files.Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
                BicepPath = TestEnvironment.BicepPath,
                ProjectDirectory = root,
                SarifFile = Path.Combine(obj, "infralint.sarif"),
                CacheFile = Path.Combine(obj, "infralint.cache.json"),
            };
            task.Execute();
            outputs[run + " log"] = Log(engine);
            outputs[run + " sarif"] = File.ReadAllText(task.SarifFile);
            outputs[run + " cache"] = File.ReadAllText(task.CacheFile);
        }
        return outputs;
    }

    /// <summary>The CLI's standard output and error for <c>check --format <paramref name="format"/></c> run in <paramref name="root"/>.</summary>
    public static Dictionary<string, string> Cli(string root, string format, params string[] paths)
    {
        var run = ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), "check", .. paths, "--format", format, "--bicep", TestEnvironment.BicepPath],
            root, TimeSpan.FromMinutes(2));
        Assert.IsTrue(run.ExitCode is 0 or 1 or 2, run.ToString());
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"cli {format} stdout"] = run.StandardOutput,
            [$"cli {format} stderr"] = run.StandardError,
        };
    }

    private static string Log(FakeBuildEngine engine)
    {
        var log = new StringBuilder();
        foreach (var e in engine.Errors)
            log.AppendLine(CultureInfo.InvariantCulture, $"error {e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}) {e.HelpLink}: {e.Message}");
        foreach (var e in engine.Warnings)
            log.AppendLine(CultureInfo.InvariantCulture, $"warning {e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}) {e.HelpLink}: {e.Message}");
        foreach (var e in engine.Messages)
            log.AppendLine(CultureInfo.InvariantCulture, $"message {e.Code} {e.File}({e.LineNumber},{e.ColumnNumber}): {e.Message}");
        return log.ToString();
    }
}
