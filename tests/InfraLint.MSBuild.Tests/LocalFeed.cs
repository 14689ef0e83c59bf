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
        WriteNuGetConfig(Consumer, Feed, Path.Combine(Root, "packages"));
    }

    /// <summary>
    /// A NuGet.config that adds <paramref name="feed"/> to the machine's package sources (never replacing them:
    /// whatever is not InfraLint — the NoTargets SDK, the compiler — comes from where the machine gets packages)
    /// and restores into <paramref name="packagesFolder"/>, so every run sees the packages just packed. The
    /// machine's cache is only a fallback: with an empty cache, everything is restored from the sources.
    /// </summary>
    public static void WriteNuGetConfig(string directory, string feed, string packagesFolder)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <configuration>
              <config><add key="globalPackagesFolder" value="{packagesFolder}" /></config>
              <packageSources><add key="infralint-e2e" value="{feed}" /></packageSources>
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
