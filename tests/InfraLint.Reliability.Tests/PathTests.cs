using InfraLint.Core.Engine;
using InfraLint.MSBuild;
using InfraLint.MSBuild.Tests;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// Files where real checkouts put them: paths with spaces and Unicode, symbolic links (to files, to folders, in
/// loops, dangling), paths longer than 260 characters, an obj/ folder that cannot be written, and files deleted
/// while the run is going on. Through the engine, the CLI and the MSBuild task.
/// </summary>
[TestClass]
public sealed class PathTests
{
    private static string Flow(string name) => Templates.ArmWorkflowWithoutIdentity.Replace("\"flow\"", $"\"{name}\"", StringComparison.Ordinal);

    private static InfraLintEngine Engine(params Rule[] extra) =>
        new(new AnalysisOptions { Rules = [.. BuiltInRules.All, .. extra], BicepPath = TestEnvironment.BicepPath });

    private static string Relative(TempDirectory dir, Finding finding) =>
        finding.Location is { } l ? $"{Path.GetRelativePath(dir.Path, l.FilePath)}({l.Line},{l.Column}): {finding.Id}" : $"(run): {finding.Id}";

    [TestMethod]
    public void Spaces_unicode_and_long_paths_are_analysed_by_the_engine_and_the_cli()
    {
        using var dir = new TempDirectory("checkout with spaces");
        var deep = string.Join('/', Enumerable.Repeat("a folder name that is forty characters", 8)); // ~320 characters below the root
        dir.Write("infra ünïcode 名前/main app.bicep", Templates.SiteWithSecretSetting);
        dir.Write("infra ünïcode 名前/flow (1).json", Flow("flow"));
        dir.Write($"{deep}/deep.bicep", Templates.SiteWithSecretSetting);
        dir.Write($"{deep}/deep.json", Flow("deep"));
        Assert.IsTrue(Path.Combine(dir.Path, deep, "deep.bicep").Length > 360);

        using var engine = Engine();
        var findings = engine.Analyze(InputDiscovery.Expand([dir.Path], out _)).Findings.Select(f => Relative(dir, f)).ToList();

        foreach (var file in new[] { "infra ünïcode 名前/main app.bicep", "infra ünïcode 名前/flow (1).json", $"{deep}/deep.bicep", $"{deep}/deep.json" })
            Assert.IsTrue(findings.Any(f => f.StartsWith(file + "(", StringComparison.Ordinal) && !f.Contains("INFRA000", StringComparison.Ordinal)), $"{file}:\n{string.Join("\n", findings)}");
        Assert.IsFalse(findings.Any(f => f.Contains("INFRA000", StringComparison.Ordinal)), string.Join("\n", findings));

        var cli = Surfaces.Cli(dir.Path, "text", ".");
        StringAssert.Contains(cli["cli text stdout"], "infra ünïcode 名前/main app.bicep(");
        StringAssert.Contains(cli["cli text stdout"], $"{deep}/deep.json(");
        var sarif = Surfaces.Cli(dir.Path, "sarif", "infra ünïcode 名前")["cli sarif stdout"];
        SarifSchema.AssertValid(sarif, "SARIF for Unicode paths");
        StringAssert.Contains(sarif, "infra%20%C3%BCn%C3%AFcode%20%E5%90%8D%E5%89%8D/main%20app.bicep");
    }

    [TestMethod]
    public void Symbolic_links_to_files_are_analysed_and_folder_links_loops_and_dangling_links_never_hang_or_crash()
    {
        using var dir = new TempDirectory();
        var real = dir.Write("real/flow.json", Flow("flow"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "linked.json"), real);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "linked-folder"), Path.Combine(dir.Path, "real"));
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "real", "loop"), dir.Path); // a folder that contains itself
        File.CreateSymbolicLink(Path.Combine(dir.Path, "a.json"), Path.Combine(dir.Path, "b.json"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "b.json"), Path.Combine(dir.Path, "a.json"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "gone.bicep"), Path.Combine(dir.Path, "missing.bicep"));

        using var engine = Engine();
        var walked = InputDiscovery.Expand([dir.Path], out _);
        var findings = engine.Analyze(walked).Findings.Select(f => Relative(dir, f)).ToList();

        // Folder links are not followed (a loop would never end); file links are files.
        CollectionAssert.AreEquivalent(new[] { "a.json", "b.json", "gone.bicep", "linked.json", "real/flow.json" },
            walked.Select(f => Path.GetRelativePath(dir.Path, f.Path)).ToArray());
        CollectionAssert.IsSubsetOf(new[] { "linked.json(6,7): INFRA2001", "real/flow.json(6,7): INFRA2001", "gone.bicep(1,1): INFRA0001" }, findings, string.Join("\n", findings));
        // A link loop cannot be read, so InfraLint cannot tell whether it is a template: it says so.
        CollectionAssert.IsSubsetOf(new[] { "a.json(1,1): INFRA0001", "b.json(1,1): INFRA0001" }, findings, string.Join("\n", findings));

        // Named explicitly, a looping or dangling link is a file InfraLint could not read.
        var named = engine.Analyze([new InputFile(Path.Combine(dir.Path, "a.json"), Explicit: true), new InputFile(Path.Combine(dir.Path, "linked-folder", "flow.json"), Explicit: true)])
            .Findings.Select(f => Relative(dir, f)).ToList();
        CollectionAssert.AreEquivalent(new[] { "a.json(1,1): INFRA0001", "linked-folder/flow.json(6,7): INFRA2001" }, named, string.Join("\n", named));

        var cli = Surfaces.Cli(dir.Path, "text", ".", "linked-folder");
        StringAssert.Contains(cli["cli text stdout"], "linked-folder/flow.json(6,7): warning INFRA2001");
        StringAssert.Contains(cli["cli text stdout"], "gone.bicep(1,1): error INFRA0001");
    }

    [TestMethod]
    public void An_obj_folder_that_cannot_be_written_still_gives_the_findings_and_says_why_the_cache_is_not_kept()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("flow.json", Flow("flow"));
        // A file where the obj/ folder should be: unwritable for every user, root included (chmod is not).
        File.WriteAllText(Path.Combine(dir.Path, "obj"), "not a folder");
        var engine = new FakeBuildEngine();
        var task = new InfraLintTask
        {
            BuildEngine = engine,
            Templates = [new TaskItem(file)],
            BicepPath = TestEnvironment.BicepPath,
            ProjectDirectory = dir.Path,
            CacheFile = Path.Combine(dir.Path, "obj", "infralint.cache.json"),
        };

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        CollectionAssert.AreEqual(new[] { "INFRA2001" }, engine.Warnings.Select(w => w.Code).ToArray());
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.Contains("could not be written", StringComparison.Ordinal) && m.Message.Contains("analyzes every file again", StringComparison.Ordinal)),
            string.Join("\n", engine.Messages.Select(m => m.Message)));

        task.SarifFile = Path.Combine(dir.Path, "obj", "infralint.sarif");
        Assert.IsFalse(task.Execute(), "an unwritable SARIF file is an error");
        Assert.IsTrue(engine.Errors.Any(e => e.Message!.StartsWith("InfraLint: cannot write the SARIF file '", StringComparison.Ordinal) && e.Message.Contains("infralint.sarif", StringComparison.Ordinal)),
            string.Join("\n", engine.Errors.Select(e => e.Message)));
    }

    [TestMethod]
    public void Files_deleted_during_the_run_are_INFRA0001_and_the_rest_is_analysed()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a-first.json", Flow("first"));
        var deletedJson = dir.Write("b-deleted.json", Flow("deleted"));
        var deletedBicep = dir.Write("c-deleted.bicep", Templates.SiteWithSecretSetting);
        dir.Write("d-main.bicep", "module app 'modules/e-app.bicep' = {\n  name: 'app'\n}\n");
        var module = dir.Write("modules/e-app.bicep", Templates.SiteWithSecretSetting);
        dir.Write("f-last.json", Flow("last"));
        // Runs on the first file (inputs are analysed in path order) and deletes files the run has not reached yet.
        var deleter = new DeletingRule(first, [deletedJson, deletedBicep, module]);

        using var engine = Engine(deleter);
        var findings = engine.Analyze(InputDiscovery.Expand([dir.Path], out _)).Findings.Select(f => Relative(dir, f)).ToList();

        Assert.IsTrue(deleter.Deleted);
        CollectionAssert.IsSubsetOf(new[] { "a-first.json(6,7): INFRA2001", "b-deleted.json(1,1): INFRA0001", "c-deleted.bicep(1,1): INFRA0001", "f-last.json(6,7): INFRA2001" },
            findings, string.Join("\n", findings));
        Assert.IsTrue(findings.Any(f => f.StartsWith("d-main.bicep(1,", StringComparison.Ordinal) && f.EndsWith("INFRA0001", StringComparison.Ordinal)),
            "a module deleted before its caller compiles: " + string.Join("\n", findings));
        Assert.IsFalse(findings.Any(f => f.Contains("INFRA0002", StringComparison.Ordinal) || f.Contains("INFRA0005", StringComparison.Ordinal)), string.Join("\n", findings));
    }

    /// <summary>A rule that, on one file, deletes others: a file removed by a checkout or a generator mid-build.</summary>
    private sealed class DeletingRule(string trigger, IReadOnlyList<string> victims) : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST9001", "Deletes files", "{0}", RuleCategory.Tooling, Severity.Warning);

        public bool Deleted { get; private set; }

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report)
        {
            if (template.FilePath != trigger)
                return;
            foreach (var victim in victims)
                File.Delete(victim);
            Deleted = true;
        }
    }
}
