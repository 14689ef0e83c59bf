using System.Globalization;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Writers;

/// <summary>
/// GitHub Actions workflow commands, one per reported finding, which the runner turns into annotations on
/// the pull request: <c>::warning file=infra/main.bicep,line=10,col=11,title=INFRA1001::message</c>.
/// Paths are relative to the source root, as GitHub resolves them against the repository.
/// </summary>
public sealed class GitHubReportWriter : IReportWriter
{
    public string Write(Report report) =>
        ShardLines.Wrap(report, report.Reported
                .Where(f => f.Finding.Severity > Severity.Silent)
                .Select(f => Command(f.Finding, report.Root))
                .ToList(),
            configuration => "file=" + EscapeProperty(report.Root.Display(configuration)) + ",");

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

    public static string EscapeData(string text) => OutputText.GitHubData(text);

    public static string EscapeProperty(string text) => OutputText.GitHubProperty(text);
}
