using InfraLint.Tests;

namespace InfraLint.MSBuild.Tests;

/// <summary>
/// A scratch folder with a local package feed and a consumer project that restores from it into its own
/// packages folder (so every run sees the packages just packed; everything else comes from the machine's cache).
/// </summary>
internal sealed class LocalFeed
{
    public LocalFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "infralint-e2e", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Consumer = Path.Combine(Root, "consumer");
        Directory.CreateDirectory(Consumer);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Consumer, "NuGet.config"), $"""
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" /></config>
              <packageSources><add key="infralint-e2e" value="{Feed}" /></packageSources>
              <fallbackPackageFolders><add key="machine-cache" value="{cache}" /></fallbackPackageFolders>
            </configuration>
            """);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Consumer { get; }

    /// <summary>Packs the project (a path relative to the repository root) into the feed; returns the package file.</summary>
    public string Pack(string project, string id, string version, params string[] properties)
    {
        var pack = ProcessRunner.Run("dotnet",
            ["pack", Path.Combine(TestEnvironment.RepoRoot, project), "-c", "Release", "-o", Feed, $"-p:Version={version}", "--nologo", .. properties],
            TestEnvironment.RepoRoot, TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, pack.ExitCode, pack.ToString());
        return Path.Combine(Feed, $"{id}.{version}.nupkg");
    }

    /// <summary>Writes the consumer's project: a NoTargets project with these package references.</summary>
    public void WriteProject(params (string Id, string Version)[] packages) =>
        File.WriteAllText(Path.Combine(Consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
            {string.Concat(packages.Select(p => $"    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" PrivateAssets=\"all\" />\n"))}    <PackageReference Include="Azure.Bicep.CommandLine.linux-x64" Version="0.49.2" />
              </ItemGroup>
            </Project>
            """);

    /// <summary>Writes a file of the consumer.</summary>
    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Consumer, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs `dotnet &lt;command&gt;` in the consumer; returns its exit code, canonical diagnostic lines and log.</summary>
    public (int ExitCode, string[] Diagnostics, string Log) Run(string command, params string[] properties)
    {
        var result = ProcessRunner.Run("dotnet", [command, "--nologo", "-v:q", "-clp:NoSummary", .. properties], Consumer, TimeSpan.FromMinutes(5));
        return (result.ExitCode, CanonicalLines.Parse(result.OutputLines, Consumer), result.ToString());
    }
}
