namespace InfraLint.Core.Bicep;

/// <summary>
/// Finds the Bicep compiler the way DESIGN.md orders it: an explicit path, <c>$(BicepPath)</c>
/// from the official <c>Azure.Bicep.CommandLine.&lt;rid&gt;</c> package, <c>bicep</c> on PATH,
/// then <c>~/.azure/bin/bicep</c> (where the Azure CLI installs it).
/// </summary>
public static class BicepCompilerLocator
{
    /// <summary>What the user can do when no compiler is found; part of the INFRA0002 message.</summary>
    public const string HowToProvide =
        "set InfraLintBicepPath (or --bicep) to the compiler, reference the Azure.Bicep.CommandLine.<rid> package (it sets $(BicepPath)), put 'bicep' on PATH, or install it to ~/.azure/bin/bicep";

    /// <summary>The compiler to use, or null when none of the places holds one.</summary>
    public static string? Find(string? explicitPath, string? msbuildBicepPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Path.GetFullPath(explicitPath); // explicit: used even if missing, so the error names it
        foreach (var candidate in Candidates(msbuildBicepPath))
        {
            if (File.Exists(candidate))
            {
                EnsureExecutable(candidate);
                return candidate;
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string? msbuildBicepPath)
    {
        if (!string.IsNullOrWhiteSpace(msbuildBicepPath))
            yield return Path.GetFullPath(msbuildBicepPath.Replace('\\', Path.DirectorySeparatorChar));
        var name = OperatingSystem.IsWindows() ? "bicep.exe" : "bicep";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return Path.Combine(directory, name);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home))
            yield return Path.Combine(home, ".azure", "bin", name);
    }

    // NuGet does not keep the execute bit of package files; the compiler package needs it back.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
            return;
        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Starting it will fail with a clear INFRA0002.
        }
    }
}
