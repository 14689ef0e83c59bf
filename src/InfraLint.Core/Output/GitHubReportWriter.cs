using System.Globalization;
using InfraLint.Sdk;

namespace InfraLint.Core.Output;

/// <summary>
/// GitHub Actions workflow commands, one per reported finding, which the runner turns into annotations on
/// the pull request: <c>::warning file=infra/main.bicep,line=10,col=11,title=INFRA1001::message</c>.
/// Paths are relative to the source root, as GitHub resolves them against the repository.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    public string Write(Report report) =>
        string.Concat(report.Reported
            .Where(f => f.Finding.Severity > Severity.Silent)
            .Select(f => Command(f.Finding, report.Root) + "\n"));

    public static string Command(Finding finding, SourceRoot root)
    {
        var command = finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var properties = new List<string>();
        if (finding.Location is { } location)
        {
            properties.Add("file=" + EscapeProperty(root.Display(location.FilePath)));
            properties.Add("line=" + location.Line.ToString(CultureInfo.InvariantCulture));
            properties.Add("col=" + location.Column.ToString(CultureInfo.InvariantCulture));
        }
        properties.Add("title=" + EscapeProperty(finding.Id));
        return $"::{command} {string.Join(',', properties)}::{EscapeData(finding.Message)}";
    }

    // The runner's own rules (actions/toolkit, command.ts): '%', CR and LF everywhere, and in property
    // values also ':' and ',', which would otherwise end the value.
    public static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
