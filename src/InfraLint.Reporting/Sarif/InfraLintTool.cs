using System.Reflection;

namespace InfraLint.Reporting.Sarif;

/// <summary>How InfraLint names itself in SARIF's <c>tool.driver</c>.</summary>
public static class InfraLintTool
{
    public const string Name = "InfraLint";

    public const string InformationUri = "https://github.com/infralint/infralint";

    /// <summary>The product version without build metadata: the SDK appends <c>+commit</c> to the
    /// informational version, which would make identical input give different output on every commit.</summary>
    public static string Version { get; } =
        (typeof(InfraLintTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(InfraLintTool).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0").Split('+')[0];
}
