using InfraLint.Sdk;

namespace InfraLint.Core.Output;

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

    /// <summary>One line; the path is relative to <paramref name="baseDirectory"/> when under it, with forward slashes.</summary>
    public static string Format(Finding finding, string baseDirectory)
    {
        var origin = finding.Location is { } l
            ? $"{DisplayPath(l.FilePath, baseDirectory)}({l.Line},{l.Column})"
            : "infralint";
        return $"{origin}: {Level(finding.Severity)} {finding.Id}: {finding.Message}";
    }

    public static string DisplayPath(string path, string baseDirectory)
    {
        var relative = Path.GetRelativePath(baseDirectory, path);
        var display = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
        return display.Replace('\\', '/');
    }
}
