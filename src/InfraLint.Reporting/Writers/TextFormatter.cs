using InfraLint.Reporting.Output;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Writers;

/// <summary>Formats findings as MSBuild canonical lines: <c>path(line,col): warning INFRA1001: message</c>.</summary>
public static class TextFormatter
{
    /// <summary>The word for a severity in canonical lines.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>One line; the path is relative to <paramref name="baseDirectory"/> when under it, with forward slashes.
    /// Paths and messages are escaped (<see cref="OutputText.Line"/>): a name from a template cannot break the line or forge one.</summary>
    public static string Format(Finding finding, string baseDirectory)
    {
        var rest = $": {Level(finding.Severity)} {OutputText.Line(finding.Id)}: {OutputText.Line(finding.Message)}";
        return finding.Location is { } l
            ? OutputText.LineStartingWithPath(DisplayPath(l.FilePath, baseDirectory), $"({l.Line},{l.Column}){rest}")
            : "infralint" + rest;
    }

    public static string DisplayPath(string path, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, path);
        var display = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
        return display.Replace('\\', '/');
    }
}
