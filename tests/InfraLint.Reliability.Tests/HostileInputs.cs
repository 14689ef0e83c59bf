using System.Reflection;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>A pull request's tree, as an attacker would write it, and the CLI run over it as a pull-request check runs it.</summary>
internal static class HostileInputs
{
    /// <summary>The compiled test pack that writes <c>pack-ran.marker</c>, never returns on <c>*loop*</c> files and throws
    /// <see cref="OperationCanceledException"/> on <c>*cancel*</c> files.</summary>
    public static string Pack { get; } = typeof(HostileInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostilePack").Value!;

    /// <summary>Runs <c>infralint</c> in <paramref name="root"/> as a real process, with the real compiler.</summary>
    public static ProcessRunner.Result Cli(string root, IDictionary<string, string?>? environment, params string[] args) =>
        ProcessRunner.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), .. args, "--bicep", TestEnvironment.BicepPath],
            root, TimeSpan.FromMinutes(3), environment);

    /// <summary>A scratch repository: <c>.git</c> in <see cref="TempDirectory.Path"/>, so the folder above it is outside.</summary>
    public static TempDirectory Repository()
    {
        var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, ".git"));
        return directory;
    }

    public static void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
    }

    public static void Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var made = ProcessRunner.Run("mkfifo", [path], Path.GetDirectoryName(path)!, TimeSpan.FromSeconds(10));
        Assert.AreEqual(0, made.ExitCode, made.ToString());
    }

    public const string Site =
        """
        param name string = 'app-contoso'
        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: name
          location: 'westeurope'
        }
        """;
}
