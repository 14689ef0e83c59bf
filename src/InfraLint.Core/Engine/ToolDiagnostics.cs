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
        DefaultSeverity: Severity.Error,
        Description: "InfraLint could not read a template (invalid JSON, a Bicep compile error or a registry module that " +
            "cannot be restored), so none of its rules ran on that file; other files are still analyzed.");

    public static readonly RuleDescriptor CompilerFailed = new(
        Id: "INFRA0002",
        Title: "Bicep compiler not found, crashed or timed out",
        MessageFormat: "Bicep compiler {0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Error,
        Description: "The Bicep compiler that InfraLint runs as a separate process could not be found, crashed or did not " +
            "answer in time, so the Bicep files it was to compile were not analyzed.");

    public static readonly RuleDescriptor RuleFailed = new(
        Id: "INFRA0005",
        Title: "A rule failed on a file",
        MessageFormat: "Rule {0} failed on this file and reported nothing for it: {1}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Warning,
        Description: "A rule threw an exception while it analyzed a template; that rule reported nothing for the file, " +
            "and every other rule and file was still analyzed.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [TemplateNotAnalyzed, CompilerFailed, RuleFailed];

    internal static Finding At(RuleDescriptor descriptor, SourceLocation? location, params object?[] args) =>
        new(descriptor, descriptor.DefaultSeverity, location, descriptor.FormatMessage(args));
}
