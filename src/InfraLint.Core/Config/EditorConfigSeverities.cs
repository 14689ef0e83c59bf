using System.Collections.Immutable;
using InfraLint.Sdk;
using Microsoft.CodeAnalysis;

namespace InfraLint.Core.Config;

/// <summary>
/// Severities from .editorconfig and .globalconfig files as the C# compiler reads them, with its own parser and
/// section matcher (MSBuild does not apply them to task warnings): <c>dotnet_diagnostic.INFRA1001.severity</c>,
/// then the bulk settings <c>dotnet_analyzer_diagnostic.category-Secrets.severity</c> and
/// <c>dotnet_analyzer_diagnostic.severity</c>, which, as for analyzers, leave rules that are off by default off
/// and never touch InfraLint's own diagnostics (INFRA0xxx, like compiler diagnostics).
/// Under MSBuild the files are the build's (<c>@(EditorConfigFiles)</c>, <c>@(GlobalAnalyzerConfigFiles)</c>,
/// and those above each template); otherwise .editorconfig files are collected from the template's folder up
/// to one with <c>root = true</c>, and .globalconfig files from every folder above it.
/// </summary>
internal sealed class EditorConfigSeverities(IReadOnlyList<string>? configFiles = null, Config.PolicyFiles? policyFiles = null)
{
    private const string AllRulesKey = "dotnet_analyzer_diagnostic.severity";

    private readonly Config.PolicyFiles policy = policyFiles ?? Config.PolicyFiles.WorkingTree;

    private readonly Dictionary<string, AnalyzerConfigSet> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnalyzerConfig?> files = new(StringComparer.Ordinal);
    private AnalyzerConfigSet? given;

    public Severity? For(RuleDescriptor descriptor, string templatePath)
    {
        var directory = Path.GetDirectoryName(templatePath);
        if (directory is null)
            return null;
        AnalyzerConfigSet set;
        if (configFiles is not null)
            set = given ??= AnalyzerConfigSet.Create(configFiles.Select(Read).OfType<AnalyzerConfig>().ToList(), out _);
        else if (!sets.TryGetValue(directory, out set!))
            sets[directory] = set = Build(directory);
        // Sections match the file; a .globalconfig's top-level entries apply to every file, below them.
        var options = set.GetOptionsForSourcePath(templatePath);
        if ((Specific(options.TreeOptions, descriptor.Id) ?? Specific(set.GlobalConfigOptions.TreeOptions, descriptor.Id)) is { } severity)
            return severity;
        if (descriptor.Category == RuleCategory.Tooling || descriptor.DefaultSeverity == Severity.None)
            return null;
        var categoryKey = $"dotnet_analyzer_diagnostic.category-{descriptor.Category}.severity";
        return Bulk(options.AnalyzerOptions, categoryKey) ?? Bulk(set.GlobalConfigOptions.AnalyzerOptions, categoryKey)
            ?? Bulk(options.AnalyzerOptions, AllRulesKey) ?? Bulk(set.GlobalConfigOptions.AnalyzerOptions, AllRulesKey);
    }

    private static Severity? Specific(ImmutableDictionary<string, ReportDiagnostic> options, string id) =>
        options.TryGetValue(id, out var report) ? Map(report) : null;

    private static Severity? Bulk(ImmutableDictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var value) && SeverityNames.TryParse(value.Trim(), out var severity) ? severity : null;

    private AnalyzerConfigSet Build(string directory)
    {
        var configs = new List<AnalyzerConfig>();
        var editorConfigsDone = false;
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            if (Read(Path.Combine(current, ".globalconfig")) is { } global)
                configs.Add(global);
            if (!editorConfigsDone && Read(Path.Combine(current, ".editorconfig")) is { } editorConfig)
            {
                configs.Add(editorConfig);
                editorConfigsDone = IsRoot(policy.Read(Path.Combine(current, ".editorconfig")) ?? string.Empty);
            }
        }
        return AnalyzerConfigSet.Create(configs, out _);
    }

    private AnalyzerConfig? Read(string path)
    {
        if (files.TryGetValue(path, out var config))
            return config;
        try
        {
            config = policy.Read(path) is { } text ? AnalyzerConfig.Parse(text, path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            config = null; // unreadable: as if absent, as the compiler treats it
        }
        files[path] = config;
        return config;
    }

    // `root = true` before the first section ends the search upward (the compiler's parser keeps this internal).
    private static bool IsRoot(string content)
    {
        foreach (var line in content.Split('\n'))
        {
            var text = line.Trim();
            if (text.StartsWith('['))
                return false;
            var eq = text.IndexOf('=');
            if (eq > 0 && text[..eq].Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
                return text[(eq + 1)..].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static Severity? Map(ReportDiagnostic report) => report switch
    {
        ReportDiagnostic.Error => Severity.Error,
        ReportDiagnostic.Warn => Severity.Warning,
        ReportDiagnostic.Info => Severity.Suggestion,
        ReportDiagnostic.Hidden => Severity.Silent,
        ReportDiagnostic.Suppress => Severity.None,
        _ => null,
    };
}
