using System.Text.RegularExpressions;
using System.IO.Compression;
using InfraLint.Tests;

namespace InfraLint.MSBuild.Tests;

/// <summary>
/// Packs the InfraLint package, restores it into a fresh consumer project through a local feed
/// and runs real `dotnet build`s: the user's experience, end to end.
/// </summary>
[TestClass]
public sealed class PackageEndToEndTests
{
    private const string Bicep = """
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

    private static LocalFeed feed = null!;
    private static string consumer = null!;
    private static string package = null!;

    [ClassInitialize]
    public static void PackAndCreateConsumer(TestContext _)
    {
        feed = new LocalFeed();
        consumer = feed.Consumer;
        package = feed.Pack(Path.Combine("src", "InfraLint.MSBuild", "InfraLint.MSBuild.csproj"), "InfraLint", "0.1.0-e2e");
        feed.WriteProject(("InfraLint", "0.1.0-e2e"));
        feed.Write(Path.Combine("infra", "main.bicep"), Bicep);
        feed.Write(Path.Combine("infra", "flow.json"), Templates.ArmWorkflowWithoutIdentity);
        feed.Write("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
    }

    private static (int ExitCode, string[] Diagnostics, string Log) Build(params string[] properties) => feed.Run("build", properties);

    private static (int ExitCode, string[] Diagnostics, string Log) Run(string command, params string[] properties) => feed.Run(command, properties);

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
        foreach (var assembly in new[] { "InfraLint.MSBuild.dll", "InfraLint.Core.dll", "InfraLint.Sarif.dll", "Sarif.dll", "Newtonsoft.Json.dll" })
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
}
