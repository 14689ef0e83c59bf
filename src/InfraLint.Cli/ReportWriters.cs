using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Reporting.Writers;
using InfraLint.Rules;
using InfraLint.Sdk;

namespace InfraLint.Cli;

internal static class ReportWriters
{
    public static IReportWriter For(ReportFormat format, SarifBaseline? baseline) => format switch
    {
        ReportFormat.Sarif => new SarifReportWriter(baseline),
        ReportFormat.GitHub => new GitHubReportWriter(),
        ReportFormat.Json => new JsonReportWriter(),
        _ => new TextReportWriter(),
    };
}
