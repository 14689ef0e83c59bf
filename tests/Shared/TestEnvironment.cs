using System.Reflection;

namespace InfraLint.Tests;

/// <summary>Where the repository and the real Bicep compiler are, as recorded at build time.</summary>
internal static class TestEnvironment
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string BicepPath { get; } = EnsureExecutable(Metadata("BicepPath"));

    /// <summary>The official SARIF 2.1.0 schema, as shipped in the Sarif.Sdk package.</summary>
    public static string SarifSchemaPath => Metadata("SarifSchema");

    public static string TestData(params string[] parts) => Path.Combine([RepoRoot, "testdata", .. parts]);

    /// <summary>The shared corpus of real Bicep, when ../shared/corpus is beside the checkout.</summary>
    public static string? Corpus =>
        Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "avm-res")) is var path && Directory.Exists(path) ? path : null;

    /// <summary>The text README.md shows after <paramref name="command"/> (a <c>$ …</c> line) up to the end of its code block.</summary>
    public static string ReadmeOutputOf(string command)
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf(command, StringComparison.Ordinal);
        if (start < 0)
            throw new InvalidOperationException($"README.md does not show '{command.TrimEnd()}'");
        start += command.Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string Metadata(string key) =>
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"assembly metadata {key} is missing");

    private static string EnsureExecutable(string path)
    {
        path = path.Replace('\\', '/');
        if (!OperatingSystem.IsWindows() && File.Exists(path))
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }
}
