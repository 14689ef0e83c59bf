using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>Diagnostics InfraLint reports about itself rather than about a template's content.</summary>
public static class ToolDiagnostics
{
    public static readonly RuleDescriptor TemplateNotAnalyzed = new(
        Id: "INFRA0001",
        Title: "Template could not be analyzed",
        MessageFormat: "Template could not be analyzed: {0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Error);

    public static readonly RuleDescriptor CompilerFailed = new(
        Id: "INFRA0002",
        Title: "Bicep compiler not found, crashed or timed out",
        MessageFormat: "Bicep compiler {0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Error);

    public static readonly RuleDescriptor InvalidConfiguration = new(
        Id: "INFRA0003",
        Title: "Invalid InfraLint configuration or rule pack",
        MessageFormat: "{0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Error);

    public static readonly RuleDescriptor UselessSuppression = new(
        Id: "INFRA0004",
        Title: "Suppression without a justification, or one that suppresses nothing",
        MessageFormat: "{0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Warning);

    public static readonly RuleDescriptor RuleFailed = new(
        Id: "INFRA0005",
        Title: "A rule failed on a file",
        MessageFormat: "Rule {0} failed on this file and reported nothing for it: {1}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Warning);

    public static IReadOnlyList<RuleDescriptor> All { get; } = [TemplateNotAnalyzed, CompilerFailed, InvalidConfiguration, UselessSuppression, RuleFailed];

    internal static Finding At(RuleDescriptor descriptor, SourceLocation? location, params object?[] args) =>
        new(descriptor, descriptor.DefaultSeverity, location, descriptor.FormatMessage(args));

    /// <summary>A configuration problem that InfraLint works around (an unknown key): a warning, not an error.</summary>
    internal static Finding ConfigurationWarning(SourceLocation location, string message) =>
        new(InvalidConfiguration, Severity.Warning, location, message);
}
