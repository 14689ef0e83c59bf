using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>The parsed arguments of <c>infralint check</c>.</summary>
internal sealed record CliOptions(
    IReadOnlyList<string> Paths,
    Severity? FailLevel,
    string? BicepPath,
    string? OutputFile,
    bool RestoreModules,
    TimeSpan CompileTimeout);
