using InfraLint.Tests;
using Microsoft.Build.Utilities;

namespace InfraLint.MSBuild.Tests;

[TestClass]
public sealed class InfraLintTaskTests
{
    private const string Template = """
        @secure()
        param apiKey string
        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app'
          location: 'westeurope'
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'OPENAI_API_KEY', value: apiKey }
              ]
            }
          }
        }
        """;

    private static (bool Result, FakeBuildEngine Engine, string File) Run(Action<InfraLintTask>? configure = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "infralint-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "main.bicep");
        File.WriteAllText(file, Template);
        var engine = new FakeBuildEngine();
        var task = new InfraLintTask { BuildEngine = engine, Templates = [new TaskItem(file)], BicepPath = TestEnvironment.BicepPath, ProjectDirectory = dir };
        configure?.Invoke(task);
        return (task.Execute(), engine, file);
    }

    [TestMethod]
    public void Logs_findings_as_warnings_with_code_location_and_help_link()
    {
        var (result, engine, file) = Run();

        Assert.IsTrue(result);
        var warnings = engine.Warnings.Select(w => $"{w.File}({w.LineNumber},{w.ColumnNumber}): {w.Code} {w.HelpLink}").ToArray();
        CollectionAssert.AreEqual(new[]
        {
            $"{file}(3,1): INFRA2001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA2001.md",
            $"{file}(9,11): INFRA1001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA1001.md",
        }, warnings);
    }

    [TestMethod]
    public void A_second_run_with_a_cache_logs_the_same_warnings_and_help_links_without_starting_the_compiler()
    {
        var cache = Path.Combine(Path.GetTempPath(), "infralint-task-tests", Guid.NewGuid().ToString("N"), "infralint.cache.json");
        string? file = null;
        string[] Logged(FakeBuildEngine engine) => engine.Warnings.Select(w => $"{w.File}({w.LineNumber},{w.ColumnNumber}): {w.Code} {w.HelpLink}").ToArray();

        var first = new InfraLintTask();
        var (_, firstEngine, path) = Run(t => { t.CacheFile = cache; first = t; });
        file = path;
        Assert.AreEqual((1, 1), (first.CompilerStarts, first.FilesReanalyzed));

        var second = new InfraLintTask
        {
            BuildEngine = new FakeBuildEngine(), Templates = [new TaskItem(file)], BicepPath = TestEnvironment.BicepPath, CacheFile = cache,
            TreatWarningsAsErrors = true, WarningsNotAsErrors = "INFRA2001",
        };
        Assert.IsFalse(second.Execute(), "TreatWarningsAsErrors applies to cached findings");
        Assert.AreEqual((0, 0), (second.CompilerStarts, second.FilesReanalyzed));
        var engine = (FakeBuildEngine)second.BuildEngine;
        CollectionAssert.AreEqual(Logged(firstEngine).Where(w => w.Contains("INFRA2001", StringComparison.Ordinal)).ToArray(), Logged(engine));
        CollectionAssert.AreEqual(new[] { $"{file}(9,11): INFRA1001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA1001.md" },
            engine.Errors.Select(e => $"{e.File}({e.LineNumber},{e.ColumnNumber}): {e.Code} {e.HelpLink}").ToArray());
    }

    [TestMethod]
    public void TreatWarningsAsErrors_promotes_all_but_WarningsNotAsErrors_and_NoWarn()
    {
        var (result, engine, _) = Run(t =>
        {
            t.TreatWarningsAsErrors = true;
            t.WarningsNotAsErrors = "INFRA2001";
        });

        Assert.IsFalse(result);
        CollectionAssert.AreEqual(new[] { "INFRA1001" }, engine.Errors.Select(e => e.Code).ToArray());
        CollectionAssert.AreEqual(new[] { "INFRA2001" }, engine.Warnings.Select(e => e.Code).ToArray());
    }

    [TestMethod]
    public void Writes_valid_sarif_with_paths_relative_to_the_project_directory()
    {
        string? sarif = null;
        var (result, _, file) = Run(t => t.SarifFile = sarif = Path.Combine(t.ProjectDirectory!, "obj", "infralint.sarif"));

        Assert.IsTrue(result);
        var log = SarifSchema.AssertValidFile(sarif!);
        StringAssert.Contains(log, "\"uri\": \"main.bicep\"");
        Assert.IsFalse(log.Contains(Path.GetDirectoryName(file)!, StringComparison.Ordinal), "no absolute path");
    }

    [TestMethod]
    public void With_a_baseline_logs_only_new_findings()
    {
        var baseline = Path.Combine(Path.GetTempPath(), "infralint-task-tests", Guid.NewGuid().ToString("N") + ".sarif");
        var first = Run(t => t.SarifFile = baseline);
        Assert.AreEqual(2, first.Engine.Warnings.Count);

        // The same template in another folder has the same repository-relative path, so the baseline covers it.
        var (result, engine, _) = Run(t => t.BaselineFile = baseline);

        Assert.IsTrue(result);
        Assert.AreEqual(0, engine.Warnings.Count);
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.Contains("2 baselined finding(s) not shown", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void An_unreadable_baseline_fails_the_task_with_a_clear_error()
    {
        var (result, engine, _) = Run(t => t.BaselineFile = Path.Combine(Path.GetTempPath(), "no-such-baseline.sarif"));

        Assert.IsFalse(result);
        StringAssert.Contains(engine.Errors.Single().Message, "baseline '");
        StringAssert.Contains(engine.Errors.Single().Message, "no-such-baseline.sarif' cannot be read");
    }

    [TestMethod]
    public void Writes_the_trust_graph_and_keeps_it_on_a_build_where_nothing_changed()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infralint-task-tests", Guid.NewGuid().ToString("N"));
        var graph = Path.Combine(dir, "obj", "trust-graph.mmd");
        var cache = Path.Combine(dir, "obj", "infralint.cache.json");
        string? file = null;
        var (first, _, path) = Run(t => { t.GraphFile = graph; t.CacheFile = cache; });
        file = path;
        Assert.IsTrue(first);
        StringAssert.StartsWith(File.ReadAllText(graph), "flowchart LR\n");
        StringAssert.Contains(File.ReadAllText(graph), "INFRA2001");
        var written = File.GetLastWriteTimeUtc(graph);

        // Nothing changed: the compiler does not start and the graph stays as it is.
        var second = new InfraLintTask { BuildEngine = new FakeBuildEngine(), Templates = [new TaskItem(file)], BicepPath = TestEnvironment.BicepPath, GraphFile = graph, CacheFile = cache };
        Assert.IsTrue(second.Execute());
        Assert.AreEqual(0, second.CompilerStarts);
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(graph));

        // A missing graph file means one full analysis.
        File.Delete(graph);
        var third = new InfraLintTask { BuildEngine = new FakeBuildEngine(), Templates = [new TaskItem(file)], BicepPath = TestEnvironment.BicepPath, GraphFile = graph, CacheFile = cache };
        Assert.IsTrue(third.Execute());
        Assert.AreEqual(1, third.CompilerStarts);
        StringAssert.Contains(File.ReadAllText(graph), "INFRA2001");
    }

    [TestMethod]
    public void A_graph_file_whose_extension_names_no_format_fails_the_task()
    {
        var (result, engine, _) = Run(t => t.GraphFile = Path.Combine(Path.GetTempPath(), "trust-graph.txt"));

        Assert.IsFalse(result);
        StringAssert.Contains(engine.Errors.Single().Message, "must end in .html");
    }

    [TestMethod]
    public void Cancel_stops_the_run_without_an_exception()
    {
        var engine = new FakeBuildEngine();
        var task = new InfraLintTask { BuildEngine = engine, Templates = [], BicepPath = TestEnvironment.BicepPath };
        task.Cancel();
        Assert.IsTrue(task.Execute() || engine.Errors.Count == 0);
    }

    [TestMethod]
    public void Rule_pack_items_add_their_rules_and_a_missing_pack_is_an_error()
    {
        var pack = Path.Combine(TestEnvironment.RepoRoot, "samples", "RulePacks", "Contoso.Platform.Rules", "rules", "contoso.infralint-rules.json");
        var (result, engine, file) = Run(t => t.RulePacks = [new TaskItem(pack), new TaskItem("no-such.infralint-rules.json")]);

        Assert.IsFalse(result, "a pack that does not exist fails the build");
        var error = engine.Errors.Single();
        Assert.AreEqual("INFRA0003", error.Code);
        StringAssert.Contains(error.Message, "does not exist");
        // location 'westeurope' is allowed; the pack's rules ran on the template without reporting anything.
        CollectionAssert.AreEqual(new[] { "INFRA1001", "INFRA2001" }, engine.Warnings.Select(w => w.Code).Order().ToArray(), file);
    }
}
