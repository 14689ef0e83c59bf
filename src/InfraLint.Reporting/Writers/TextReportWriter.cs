using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Writers;

/// <summary>The default format: one MSBuild canonical line per reported finding (see <see cref="TextFormatter"/>); a shard
/// report adds a header (with the configuration files it read) and a footer (<see cref="ShardCoverage"/>).</summary>
public sealed class TextReportWriter : IReportWriter
{
    public string Write(Report report) =>
        ShardLines.Wrap(report, report.Reported
                .Where(f => f.Finding.Severity > Severity.Silent)
                .Select(f => TextFormatter.Format(f.Finding, report.WorkingDirectory))
                .ToList(),
            configuration => OutputText.LineStartingWithPath(TextFormatter.DisplayPath(configuration, report.WorkingDirectory), "("));
}
