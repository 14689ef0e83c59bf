using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>A scratch folder (outside any git repository, so it is its own source root) to run the CLI in.</summary>
internal sealed class CliWorkspace : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "infralint-cli-tests", Guid.NewGuid().ToString("N"));

    public CliWorkspace() => Directory.CreateDirectory(Root);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Runs <c>infralint</c> with the real compiler.</summary>
    public ProcessRunner.Result Run(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), .. args, "--bicep", TestEnvironment.BicepPath], Root, TimeSpan.FromMinutes(2));

    /// <summary>Runs <c>infralint</c> as given (<c>merge</c> takes no compiler).</summary>
    public ProcessRunner.Result RunAsGiven(params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), .. args], Root, TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
