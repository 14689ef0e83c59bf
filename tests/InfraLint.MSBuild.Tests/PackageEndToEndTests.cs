using System.IO.Compression;
using System.Text.RegularExpressions;
using InfraLint.Tests;

namespace InfraLint.MSBuild.Tests;

/// <summary>
/// Packs the InfraLint package, restores it into a fresh consumer project through a local feed
/// and runs real `dotnet build`s: the user's experience, end to end.
/// </summary>
[TestClass]
public sealed class PackageEndToEndTests
{
    /// <summary>A template with two findings (INFRA2001 at 4,1 and INFRA1001 at 10,11).</summary>
    internal const string Bicep = """
        @secure()
        param apiKey string

        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app-contoso'
          location: 'westeurope'
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'OPENAI_API_KEY', value: apiKey }
                { name: 'OPENAI_ENDPOINT', value: 'https://contoso.openai.azure.com/' }
              ]
            }
          }
        }
        """;

    private const string NoTargetsProject = """
        <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="InfraLint" Version="0.1.0-e2e" PrivateAssets="all" />
            <PackageReference Include="Azure.Bicep.CommandLine.linux-x64" Version="0.49.2" />
          </ItemGroup>
        </Project>
        """;

    private static string root = null!;
    private static string feed = null!;
    private static string consumer = null!;
    private static string package = null!;

    [ClassInitialize]
    public static void PackAndCreateConsumer(TestContext _)
    {
        root = Path.Combine(Path.GetTempPath(), "infralint-e2e", Guid.NewGuid().ToString("N"));
        feed = Path.Combine(root, "feed");
        Pack("InfraLint.MSBuild");
        package = Path.Combine(feed, "InfraLint.0.1.0-e2e.nupkg");

        consumer = NewConsumer("consumer");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), NoTargetsProject);
        Directory.CreateDirectory(Path.Combine(consumer, "infra"));
        File.WriteAllText(Path.Combine(consumer, "infra", "main.bicep"), Bicep);
        File.WriteAllText(Path.Combine(consumer, "infra", "flow.json"), Templates.ArmWorkflowWithoutIdentity);
        File.WriteAllText(Path.Combine(consumer, "appsettings.json"), """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
    }

    private static void Pack(string project)
    {
        var pack = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(TestEnvironment.RepoRoot, "src", project, project + ".csproj"), "-c", "Release", "-o", feed, "-p:Version=0.1.0-e2e", "--nologo"],
            TestEnvironment.RepoRoot, TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, pack.ExitCode, pack.ToString());
    }

    /// <summary>A folder whose NuGet.config adds the local feed (InfraLint just packed) to the machine's sources.</summary>
    private static string NewConsumer(string name)
    {
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        LocalFeed.WriteNuGetConfig(directory, feed, Path.Combine(root, "packages"));
        return directory;
    }

    private static void Write(string directory, string relativePath, string content)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static (int ExitCode, string[] Diagnostics, string Log) Build(params string[] properties) => Run("build", properties);

    private static (int ExitCode, string[] Diagnostics, string Log) Run(string command, params string[] properties) =>
        RunIn(consumer, [command, .. properties]);

    /// <summary>Runs dotnet with quiet console output (the diagnostics); <paramref name="normalLog"/> adds a
    /// normal-verbosity file log, where the task's own summary line is, to the returned log.</summary>
    private static (int ExitCode, string[] Diagnostics, string Log) RunIn(string directory, string[] arguments, bool normalLog = false)
    {
        var logFile = Path.Combine(directory, "build.log");
        string[] fileLog = normalLog ? [$"-flp:v=n;logfile={logFile}"] : [];
        var result = ProcessRunner.Run("dotnet", [arguments[0], "--nologo", "-v:q", "-clp:NoSummary", .. fileLog, .. arguments[1..]], directory, TimeSpan.FromMinutes(5));
        var diagnostics = CanonicalLines.Parse(result.OutputLines, directory);
        return (result.ExitCode, diagnostics, result + (normalLog ? "\n--- build.log\n" + File.ReadAllText(logFile) : ""));
    }

    [TestMethod]
    public void Build_reports_exact_lines_and_succeeds()
    {
        var (exit, diagnostics, log) = Build();
        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(new[]
        {
            "infra/flow.json(6,7): warning INFRA2001",
            "infra/main.bicep(10,11): warning INFRA1001",
            "infra/main.bicep(4,1): warning INFRA2001",
        }, diagnostics, log);
        StringAssert.Contains(log, "App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text");
    }

    [TestMethod]
    public void A_registry_module_that_cannot_be_restored_leaves_the_build_green_with_the_files_own_warnings()
    {
        var project = NewConsumer("registry");
        Write(project, "Infra.csproj", NoTargetsProject);
        // registry.invalid never resolves: the default ("restore when the registry is reachable") decides at once.
        Write(project, "infra/main.bicep", """
            import { lockType } from 'br:registry.invalid/bicep/types:1.0'
            param lock lockType?
            module web 'br:registry.invalid/bicep/web:1.0' = {
              name: 'web'
              params: { lock: lock }
            }
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app-contoso'
              location: 'westeurope'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'OPENAI_API_KEY', value: 'not-a-real-key' }
                    { name: 'WEB', value: web.outputs.url }
                  ]
                }
              }
            }
            """);

        var (exit, diagnostics, log) = RunIn(project, ["build"], normalLog: true);

        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(new[] { "infra/main.bicep(13,11): warning INFRA1001", "infra/main.bicep(7,1): warning INFRA2001" }, diagnostics, log);
        StringAssert.Contains(log, "INFRA0007");
        StringAssert.Contains(log, "registry 'registry.invalid' is not reachable");
        Assert.IsFalse(log.Contains("INFRA0001", StringComparison.Ordinal), log);
    }

    [TestMethod]
    public void NoWarn_silences_a_rule()
    {
        var (exit, diagnostics, log) = Build("-p:NoWarn=INFRA2001");
        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(new[] { "infra/main.bicep(10,11): warning INFRA1001" }, diagnostics, log);
    }

    [TestMethod]
    public void WarningsAsErrors_fails_the_build_for_that_rule()
    {
        var (exit, diagnostics, log) = Build("-p:WarningsAsErrors=INFRA1001");
        Assert.AreNotEqual(0, exit, log);
        CollectionAssert.Contains(diagnostics, "infra/main.bicep(10,11): error INFRA1001", log);
        CollectionAssert.Contains(diagnostics, "infra/main.bicep(4,1): warning INFRA2001", log);
    }

    [TestMethod]
    public void TreatWarningsAsErrors_fails_the_build()
    {
        var (exit, diagnostics, log) = Build("-p:TreatWarningsAsErrors=true");
        Assert.AreNotEqual(0, exit, log);
        CollectionAssert.AreEqual(new[]
        {
            "infra/flow.json(6,7): error INFRA2001",
            "infra/main.bicep(10,11): error INFRA1001",
            "infra/main.bicep(4,1): error INFRA2001",
        }, diagnostics, log);
    }

    [TestMethod]
    public void InfraLintEnabled_false_turns_it_off()
    {
        var (exit, diagnostics, log) = Build("-p:InfraLintEnabled=false");
        Assert.AreEqual(0, exit, log);
        Assert.AreEqual(0, diagnostics.Length, log);
    }

    [TestMethod]
    public void Package_carries_the_task_and_its_dependencies_under_tasks()
    {
        using var zip = ZipFile.OpenRead(package);
        var tasks = zip.Entries.Where(e => e.FullName.StartsWith("tasks/net8.0/", StringComparison.Ordinal)).Select(e => e.Name).ToHashSet();
        foreach (var assembly in new[] { "InfraLint.MSBuild.dll", "InfraLint.Core.dll", "InfraLint.Reporting.dll", "Sarif.dll", "Newtonsoft.Json.dll" })
            Assert.IsTrue(tasks.Contains(assembly), $"tasks/net8.0/{assembly} is missing from the package");
        Assert.IsFalse(zip.Entries.Any(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal)), "nothing may become a compile reference");
    }

    [TestMethod]
    public void InfraLintSarif_writes_valid_sarif_to_the_intermediate_folder_and_clean_removes_it()
    {
        var (exit, diagnostics, log) = Build("-p:InfraLintSarif=true");
        Assert.AreEqual(0, exit, log);
        Assert.AreEqual(3, diagnostics.Length, log);
        var sarif = Path.Combine(consumer, "obj", "Debug", "net10.0", "infralint.sarif");
        Assert.IsTrue(File.Exists(sarif), $"{sarif} was not written\n{log}");
        var text = SarifSchema.AssertValidFile(sarif);
        StringAssert.Contains(text, "\"uri\": \"infra/main.bicep\"");
        StringAssert.Contains(text, "\"uri\": \"infra/flow.json\"");
        Assert.IsFalse(text.Contains(consumer, StringComparison.Ordinal), "no absolute path");

        // FileWrites: the report belongs to the build's output, so clean removes it.
        var (cleanExit, _, cleanLog) = Run("clean", "-p:InfraLintSarif=true");
        Assert.AreEqual(0, cleanExit, cleanLog);
        Assert.IsFalse(File.Exists(sarif), "dotnet clean left the SARIF file behind");
    }

    [TestMethod]
    public void InfraLintBaselineFile_logs_only_new_findings()
    {
        var (exit, _, log) = Build("-p:InfraLintSarifFile=reports/infralint.baseline.sarif");
        Assert.AreEqual(0, exit, log);
        SarifSchema.AssertValidFile(Path.Combine(consumer, "reports", "infralint.baseline.sarif"));

        var (baselinedExit, diagnostics, baselinedLog) = Build(
            "-p:InfraLintBaselineFile=reports/infralint.baseline.sarif", "-p:InfraLintSarifFile=reports/check.sarif");

        Assert.AreEqual(0, baselinedExit, baselinedLog);
        Assert.AreEqual(0, diagnostics.Length, baselinedLog);
        var check = SarifSchema.AssertValidFile(Path.Combine(consumer, "reports", "check.sarif"));
        Assert.AreEqual(3, Regex.Count(check, "\"baselineState\": \"unchanged\""), check);
    }

    [TestMethod]
    public void A_missing_baseline_fails_the_build_with_a_clear_error()
    {
        var (exit, _, log) = Build("-p:InfraLintBaselineFile=no-such-baseline.sarif");
        Assert.AreNotEqual(0, exit, log);
        StringAssert.Contains(log, "no-such-baseline.sarif' cannot be read");
    }

    // main.bicep deploys modules/app.bicep: INFRA2001 at main.bicep(5,1), INFRA1001 at app.bicep(8,11); the second
    // secret setting is suppressed with a reason. other.json stands alone (INFRA2001 at 6,7).
    private const string IncrementalMain = """
        module app 'modules/app.bicep' = {
          name: 'app'
        }

        resource flow 'Microsoft.Logic/workflows@2019-05-01' = {
          name: 'flow'
          location: 'westeurope'
          properties: {}
        }
        """;

    private static readonly string IncrementalModule = Templates.SiteWithLiteralSetting.Replace(
        "{ name: 'OPENAI_API_KEY', value: 'placeholder' }",
        "{ name: 'OPENAI_API_KEY', value: 'placeholder' }\n      #disable-next-line INFRA1001 // a sandbox-only value, rotated daily\n      { name: 'SEARCH_API_KEY', value: 'placeholder' }",
        StringComparison.Ordinal);

    private static string CompilerStarts(string log) =>
        Regex.Match(log, @"InfraLint: .* analyzed in [\d.]+ s \((?<again>\d+) file\(s\) analyzed again, (?<cached>\d+) unchanged from the cache\), compiler started (?<starts>\d+) time\(s\)") is { Success: true } m
            ? $"{m.Groups["again"].Value} again, {m.Groups["cached"].Value} cached, compiler {m.Groups["starts"].Value}"
            : "no InfraLint summary in the log";

    [TestMethod]
    public void A_no_op_build_reports_cached_findings_without_the_compiler_and_an_edited_module_reanalyses_its_entry_file()
    {
        var project = NewConsumer("incremental");
        Write(project, "Infra.csproj", NoTargetsProject);
        Write(project, "infra/main.bicep", IncrementalMain);
        Write(project, "infra/modules/app.bicep", IncrementalModule);
        Write(project, "infra/other.json", Templates.ArmWorkflowWithoutIdentity);
        // Compiler starts are counted for one lane; a parallel build starts one compiler per lane that gets a Bicep file.
        (int, string[], string) Build(params string[] properties) => RunIn(project, ["build", "-p:InfraLintParallelism=1", .. properties], normalLog: true);
        string[] expected =
        [
            "infra/main.bicep(5,1): warning INFRA2001",
            "infra/modules/app.bicep(8,11): warning INFRA1001",
            "infra/other.json(6,7): warning INFRA2001",
        ];

        var (exit, diagnostics, log) = Build();
        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(expected, diagnostics, log);
        Assert.AreEqual("3 again, 0 cached, compiler 1", CompilerStarts(log), log);
        Assert.IsTrue(File.Exists(Path.Combine(project, "obj", "Debug", "net10.0", "infralint.cache.json")), log);

        // Nothing changed: the same warnings (their help links: InfraLintTaskTests) and no compiler.
        (exit, diagnostics, log) = Build();
        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(expected, diagnostics, log);
        Assert.AreEqual("0 again, 3 cached, compiler 0", CompilerStarts(log), log);

        // A module edit re-analyses the module and main.bicep, which compiled it; other.json comes from the cache.
        Write(project, "infra/modules/app.bicep", "// owned by the platform team\n" + IncrementalModule);
        (exit, diagnostics, log) = Build();
        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(new[] { expected[0], "infra/modules/app.bicep(9,11): warning INFRA1001", expected[2] }, diagnostics, log);
        Assert.AreEqual("2 again, 1 cached, compiler 1", CompilerStarts(log), log);

        // NoWarn and WarningsAsErrors apply to cached findings as the build's current properties say.
        (exit, diagnostics, log) = Build("-p:NoWarn=INFRA2001", "-p:WarningsAsErrors=INFRA1001");
        Assert.AreNotEqual(0, exit, log);
        CollectionAssert.AreEqual(new[] { "infra/modules/app.bicep(9,11): error INFRA1001" }, diagnostics, log);
        Assert.AreEqual("0 again, 3 cached, compiler 0", CompilerStarts(log), log);

        // A build with InfraLint off keeps the cache (IncrementalClean must not delete it): the next build still needs no compiler.
        (exit, diagnostics, log) = Build("-p:InfraLintEnabled=false");
        Assert.AreEqual(0, exit, log);
        Assert.AreEqual(0, diagnostics.Length, log);
        Assert.IsTrue(File.Exists(Path.Combine(project, "obj", "Debug", "net10.0", "infralint.cache.json")), log);
        (exit, diagnostics, log) = Build();
        Assert.AreEqual(0, exit, log);
        Assert.AreEqual("0 again, 3 cached, compiler 0", CompilerStarts(log), log);

        // .editorconfig outranks infralint.json, which outranks the default; a changed configuration re-analyses everything.
        Write(project, ".editorconfig", "root = true\n\n[infra/*.bicep]\ndotnet_diagnostic.INFRA2001.severity = error\n");
        Write(project, "infralint.json", """{ "rules": { "INFRA2001": "none", "INFRA1001": "suggestion" } }""");
        (exit, diagnostics, log) = Build();
        Assert.AreNotEqual(0, exit, log);
        CollectionAssert.AreEqual(new[] { "infra/main.bicep(5,1): error INFRA2001" }, diagnostics, log);
        Assert.AreEqual("4 again, 0 cached, compiler 1", CompilerStarts(log), log);
        StringAssert.Contains(log, "App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text", "a suggestion is logged as a message");
    }

    [TestMethod]
    public void Severities_come_from_the_builds_global_analyzer_configs_with_bulk_settings_as_for_csharp()
    {
        var project = NewConsumer("globalconfig");
        // A platform package or Directory.Build.targets adds a global config, as it would for C# analyzers.
        Write(project, "Infra.csproj", NoTargetsProject.Replace("</Project>",
            "  <ItemGroup><GlobalAnalyzerConfigFiles Include=\"../policies/platform.globalconfig\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));
        Write(root, "policies/platform.globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-Identity.severity = none\ndotnet_analyzer_diagnostic.severity = error\n");
        Write(project, "infra/main.bicep", Bicep);

        var (exit, diagnostics, log) = RunIn(project, ["build"]);

        Assert.AreNotEqual(0, exit, log);
        CollectionAssert.AreEqual(new[] { "infra/main.bicep(10,11): error INFRA1001" }, diagnostics, log);
    }

    [TestMethod]
    public void Works_in_a_classlib_and_an_aspnet_project_and_does_not_flow_to_projects_that_reference_them()
    {
        var solution = NewConsumer("packaging");
        // A class library that references InfraLint like any other package (no PrivateAssets), with Bicep beside its code.
        Write(solution, "lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="InfraLint" Version="0.1.0-e2e" />
                <PackageReference Include="Azure.Bicep.CommandLine.linux-x64" Version="0.49.2" />
              </ItemGroup>
            </Project>
            """);
        Write(solution, "lib/Greeting.cs", "namespace Lib;\npublic static class Greeting { public const string Text = \"hello\"; }\n");
        Write(solution, "lib/infra/lib.bicep", Templates.SiteWithLiteralSetting);
        // An ASP.NET app with infra/ and the usual JSON files, which are not templates.
        Write(solution, "web/Web.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="InfraLint" Version="0.1.0-e2e" PrivateAssets="all" />
                <PackageReference Include="Azure.Bicep.CommandLine.linux-x64" Version="0.49.2" />
              </ItemGroup>
            </Project>
            """);
        Write(solution, "web/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n");
        Write(solution, "web/appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*" }""");
        Write(solution, "web/appsettings.Development.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }""");
        Write(solution, "web/Properties/launchSettings.json", """{ "profiles": { "web": { "commandName": "Project", "applicationUrl": "http://localhost:5000" } } }""");
        Write(solution, "web/infra/main.bicep", Bicep);
        // A console app that references the library only: InfraLint came in with it as a package, but a build-time
        // analyzer belongs to the project that chose it (build/, not buildTransitive/), so app/infra is not analysed.
        Write(solution, "app/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="../lib/Lib.csproj" /></ItemGroup>
            </Project>
            """);
        Write(solution, "app/Program.cs", "System.Console.WriteLine(Lib.Greeting.Text);\n");
        Write(solution, "app/infra/main.bicep", Bicep);
        Write(solution, "all.slnx", """
            <Solution>
              <Project Path="lib/Lib.csproj" />
              <Project Path="web/Web.csproj" />
              <Project Path="app/App.csproj" />
            </Solution>
            """);

        var (exit, diagnostics, log) = RunIn(solution, ["build", "all.slnx"]);

        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(new[]
        {
            "lib/infra/lib.bicep(8,11): warning INFRA1001",
            "web/infra/main.bicep(10,11): warning INFRA1001",
            "web/infra/main.bicep(4,1): warning INFRA2001",
        }, diagnostics, log);
        var assets = File.ReadAllText(Path.Combine(solution, "app", "obj", "project.assets.json"));
        StringAssert.Contains(assets, "InfraLint/0.1.0-e2e", "the package reaches the app through the library");
        var imports = File.ReadAllText(Path.Combine(solution, "app", "obj", "App.csproj.nuget.g.targets"));
        Assert.IsFalse(imports.Contains("InfraLint", StringComparison.OrdinalIgnoreCase), imports);
    }

    [TestMethod]
    public void The_cli_installs_as_a_dotnet_tool_from_the_package_and_checks_a_template()
    {
        Pack("InfraLint.Cli");
        var work = NewConsumer("tool");
        var tools = Path.Combine(work, "tools");
        var install = ProcessRunner.Run("dotnet",
            ["tool", "install", "InfraLint.Cli", "--version", "0.1.0-e2e", "--tool-path", tools, "--configfile", Path.Combine(work, "NuGet.config")],
            work, TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        Write(work, "infra/main.bicep", Bicep);

        var check = ProcessRunner.Run(Path.Combine(tools, "infralint"), ["check", "infra", "--bicep", TestEnvironment.BicepPath], work, TimeSpan.FromMinutes(2));

        Assert.AreEqual(1, check.ExitCode, check.ToString());
        CollectionAssert.AreEqual(new[] { "infra/main.bicep(4,1): warning INFRA2001", "infra/main.bicep(10,11): warning INFRA1001" },
            check.OutputLines.Select(l => l[..(l.IndexOf(": ", l.IndexOf("warning", StringComparison.Ordinal), StringComparison.Ordinal))]).ToArray(), check.ToString());
    }
}
