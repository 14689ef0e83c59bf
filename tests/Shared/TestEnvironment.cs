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
