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

    private static string consumer = null!;

    [ClassInitialize]
    public static void PackAndCreateConsumer(TestContext _)
    {
        var root = Path.Combine(Path.GetTempPath(), "infralint-e2e", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        consumer = Path.Combine(root, "consumer");
        Directory.CreateDirectory(consumer);

        var pack = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(TestEnvironment.RepoRoot, "src", "InfraLint.MSBuild", "InfraLint.MSBuild.csproj"), "-c", "Release", "-o", feed, "-p:Version=0.1.0-e2e", "--nologo"],
            TestEnvironment.RepoRoot, TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, pack.ExitCode, pack.ToString());

        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // The consumer restores into its own folder, so every run sees the package just packed;
        // everything else (the 120 MB compiler) comes from the machine's cache.
        File.WriteAllText(Path.Combine(consumer, "NuGet.config"), $"""
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" /></config>
              <packageSources><add key="infralint-e2e" value="{feed}" /></packageSources>
              <fallbackPackageFolders><add key="machine-cache" value="{cache}" /></fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="InfraLint" Version="0.1.0-e2e" PrivateAssets="all" />
                <PackageReference Include="Azure.Bicep.CommandLine.linux-x64" Version="0.49.2" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(consumer, "infra"));
        File.WriteAllText(Path.Combine(consumer, "infra", "main.bicep"), Bicep);
        File.WriteAllText(Path.Combine(consumer, "infra", "flow.json"), Templates.ArmWorkflowWithoutIdentity);
        File.WriteAllText(Path.Combine(consumer, "appsettings.json"), """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
    }

    private static (int ExitCode, string[] Diagnostics, string Log) Build(params string[] properties)
    {
        var result = ProcessRunner.Run("dotnet", ["build", "--nologo", "-v:q", "-clp:NoSummary", .. properties], consumer, TimeSpan.FromMinutes(5));
        var diagnostics = CanonicalLines.Parse(result.OutputLines, consumer);
        return (result.ExitCode, diagnostics, result.ToString());
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
}
