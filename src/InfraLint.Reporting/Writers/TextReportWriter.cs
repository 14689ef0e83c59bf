using InfraLint.Reporting.Reports;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Writers;

/// <summary>The default format: one MSBuild canonical line per reported finding (see <see cref="TextFormatter"/>).</summary>
public sealed class TextReportWriter : IReportWriter
{
    public string Write(Report report) =>
        string.Concat(report.Reported
            .Where(f => f.Finding.Severity > Severity.Silent)
            .Select(f => TextFormatter.Format(f.Finding, report.WorkingDirectory) + "\n"));
}
