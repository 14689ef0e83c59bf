using System.Diagnostics;
using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>Fault injection with fake compilers (shell scripts): every fault is INFRA0002 on the file, never a hang or a crash.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the fake compilers are shell scripts
public sealed class CompilerFaultTests
{
    private const string Template = "resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n  name: 'id'\n  location: 'westeurope'\n}\n";

    private static (string[] Lines, InfraLintEngine Engine) Run(string script, int files = 2, double timeoutSeconds = 5)
    {
        using var dir = new TempDirectory();
        var fake = dir.Write("fake-bicep", "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        for (var i = 0; i < files; i++)
            dir.Write($"f{i}.bicep", Template);
        var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = fake, CompileTimeout = TimeSpan.FromSeconds(timeoutSeconds) });
        var stopwatch = Stopwatch.StartNew();
        var result = engine.Analyze(InputDiscovery.Expand([dir.Path], out _));
        Assert.IsTrue(stopwatch.Elapsed < TimeSpan.FromSeconds(files * timeoutSeconds + 10), "the run must not hang");
        var lines = result.Findings.Select(f => $"{Path.GetFileName(f.Location?.FilePath)}: {f.Id}: {f.Message}").ToArray();
        engine.Dispose();
        return (lines, engine);
    }

    private static void AssertEveryFileGotInfra0002(string[] lines, int files, string reason)
    {
        Assert.AreEqual(files, lines.Length, string.Join("\n", lines));
        foreach (var line in lines)
        {
            StringAssert.Contains(line, "INFRA0002");
            StringAssert.Contains(line, reason);
        }
    }

    private static void AssertNoCompilerSurvives(InfraLintEngine engine)
    {
        foreach (var pid in engine.CompilerProcessIds)
        {
            var alive = true;
            try { alive = !Process.GetProcessById(pid).HasExited; }
            catch (ArgumentException) { alive = false; }
            Assert.IsFalse(alive, $"compiler process {pid} survived the run");
        }
    }

    [TestMethod]
    public void A_compiler_that_exits_at_start() =>
        AssertEveryFileGotInfra0002(Run("exit 3").Lines, 2, "exited");

    [TestMethod]
    public void A_compiler_that_hangs_times_out_per_file_and_is_restarted()
    {
        var (lines, engine) = Run("exec sleep 600", files: 2, timeoutSeconds: 1);
        AssertEveryFileGotInfra0002(lines, 2, "did not answer within");
        Assert.AreEqual(2, engine.CompilerStarts, "a fresh compiler for the second file");
        AssertNoCompilerSurvives(engine);
    }

    [TestMethod]
    public void A_compiler_that_writes_garbage() =>
        AssertEveryFileGotInfra0002(Run("printf 'Content-Length: nonsense\\r\\n\\r\\n'; sleep 600").Lines, 2, "malformed");

    [TestMethod]
    public void A_compiler_that_crashes_mid_response() =>
        AssertEveryFileGotInfra0002(Run("head -c 10 >/dev/null; printf 'Content-Length: 100\\r\\n\\r\\n{\"jsonrpc\"'; exit 1").Lines, 2, "exited");

    [TestMethod]
    public void Cancelling_a_run_kills_the_compiler()
    {
        using var dir = new TempDirectory();
        var fake = dir.Write("fake-bicep", "#!/bin/sh\nexec sleep 600\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        dir.Write("a.bicep", Template);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = fake });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        Assert.ThrowsExactly<OperationCanceledException>(() => engine.Analyze(InputDiscovery.Expand([dir.Path], out _), cancel.Token));

        Assert.IsTrue(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"cancel took {stopwatch.Elapsed}");
        Assert.AreEqual(1, engine.CompilerProcessIds.Count);
        AssertNoCompilerSurvives(engine);
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_real_compiler_is_recycled_after_a_bounded_number_of_compiles()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 5; i++)
            dir.Write($"f{i}.bicep", Template);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = InfraLint.Tests.TestEnvironment.BicepPath, CompilesPerCompilerProcess = 2 });
        var result = engine.Analyze(InputDiscovery.Expand([dir.Path], out _));

        Assert.AreEqual(5, result.FilesAnalyzed);
        Assert.AreEqual(3, result.CompilerStarts);
        engine.Dispose();
        AssertNoCompilerSurvives(engine);
    }

    [TestMethod]
    public void A_compiler_that_is_not_executable()
    {
        using var dir = new TempDirectory();
        var fake = dir.Write("fake-bicep", "not a program");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        dir.Write("a.bicep", Template);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = fake });
        var result = engine.Analyze(InputDiscovery.Expand([dir.Path], out _));
        Assert.AreEqual("INFRA0002", result.Findings.Single().Id);
        StringAssert.Contains(result.Findings.Single().Message, "could not be started");
    }

    [TestMethod]
    public void A_compiler_that_times_out_listing_what_a_template_read_is_INFRA0002_not_a_read_outside()
    {
        using var dir = new TempDirectory();
        var fake = new CompilerProxy(dir, hangOn: "bicep/getFileReferences").Path;
        var repository = Path.Combine(dir.Path, "repo");
        Directory.CreateDirectory(repository);
        File.WriteAllText(Path.Combine(repository, "main.bicep"), Template);
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All, BicepPath = fake, CompileTimeout = TimeSpan.FromSeconds(5), ReadRoots = [repository],
        });
        var finding = engine.Analyze(InputDiscovery.Expand([repository], out _)).Findings.Single();
        Assert.AreEqual("INFRA0002", finding.Id, finding.Message);
        Assert.AreEqual("Bicep compiler did not answer within 5 s and was restarted", finding.Message);
    }
    [TestMethod]
    public void A_compiler_that_crashes_in_one_of_two_lanes_fails_only_the_file_it_was_compiling()
    {
        using var dir = new TempDirectory();
        // The first compiler process started (by whichever lane asks first) dies on its first request; every later one is real.
        var fake = dir.Write("fake-bicep", $"#!/bin/sh\nif mkdir '{dir.Path}/crashed' 2>/dev/null; then head -c 10 >/dev/null; exit 3; fi\nexec '{TestEnvironment.BicepPath}' \"$@\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var repository = Path.Combine(dir.Path, "repo");
        Directory.CreateDirectory(repository);
        const int files = 6;
        for (var i = 0; i < files; i++)
            File.WriteAllText(Path.Combine(repository, $"f{i}.bicep"), Templates.SiteWithLiteralSetting.Replace("name: 'app'", $"name: 'app{i}'", StringComparison.Ordinal));
        AnalysisOptions Options(string bicep, int lanes) => new()
        {
            Rules = BuiltInRules.All, BicepPath = bicep, Parallelism = lanes, BicepEntriesPerLane = 1, CompileTimeout = TimeSpan.FromSeconds(60),
        };

        using var engine = new InfraLintEngine(Options(fake, 2));
        var result = engine.Analyze(InputDiscovery.Expand([repository], out _));
        var sequential = InfraLintEngine.Run(Options(TestEnvironment.BicepPath, 1), InputDiscovery.Expand([repository], out _));

        var crashed = result.Findings.Where(f => f.Id == "INFRA0002").ToList();
        Assert.AreEqual(1, crashed.Count, string.Join("\n", result.Findings.Select(f => $"{f.Location}: {f.Id}: {f.Message}")));
        StringAssert.Contains(crashed[0].Message, "exited");
        Assert.AreEqual(files - 1, result.FilesAnalyzed, "every other file is analysed");
        Assert.AreEqual(3, engine.CompilerStarts, "two lanes, and a fresh compiler for the lane whose compiler crashed");
        var crashedFile = crashed[0].Location!.FilePath;
        string Lines(IEnumerable<Sdk.Finding> findings) => string.Join("\n", findings.Select(f => $"{f.Location}: {f.Id}: {f.Message}"));
        Assert.AreEqual(Lines(sequential.Findings.Where(f => f.Location?.FilePath != crashedFile)), Lines(result.Findings.Where(f => f.Id != "INFRA0002")),
            "the other files' findings are those of a sequential run");
        Assert.IsTrue(sequential.Findings.Any(f => f.Location?.FilePath == crashedFile), "the crashed file has findings when it compiles");
        engine.Dispose();
        AssertNoCompilerSurvives(engine);
    }
}
