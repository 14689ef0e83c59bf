using InfraLint.Core.Engine;
using System.Collections.Immutable;
using InfraLint.Sdk;
using Microsoft.CodeAnalysis;

namespace InfraLint.Core.Config;

/// <summary>
/// <c>dotnet_diagnostic.INFRA1001.severity</c> from .editorconfig and .globalconfig files, read with the
/// C# compiler's own parser and section matcher (MSBuild does not apply them to task warnings).
/// .editorconfig files are collected from the template's folder up to one with <c>root = true</c>;
/// .globalconfig files from every folder above it.
/// </summary>
internal sealed class EditorConfigSeverities
{
    private readonly Dictionary<string, AnalyzerConfigSet> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnalyzerConfig?> files = new(StringComparer.Ordinal);

    public Severity? For(string id, string templatePath)
    {
        var directory = Path.GetDirectoryName(templatePath);
        if (directory is null)
            return null;
        if (!sets.TryGetValue(directory, out var set))
            sets[directory] = set = Build(directory);
        // Sections match the file; a .globalconfig's top-level entries apply to every file, below them.
        if (set.GetOptionsForSourcePath(templatePath).TreeOptions.TryGetValue(id, out var report) && Map(report) is { } severity)
            return severity;
        return set.GlobalConfigOptions.TreeOptions.TryGetValue(id, out var global) ? Map(global) : null;
    }

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
                editorConfigsDone = IsRoot(Path.Combine(current, ".editorconfig"));
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
            config = File.Exists(path) ? AnalyzerConfig.Parse(RegularFile.ReadAllText(path), path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            config = null; // unreadable: as if absent, as the compiler treats it
        }
        files[path] = config;
        return config;
    }

    // `root = true` before the first section ends the search upward (the compiler's parser keeps this internal).
    private static bool IsRoot(string path)
    {
        foreach (var line in RegularFile.ReadAllLines(path))
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
