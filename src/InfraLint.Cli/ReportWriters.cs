using InfraLint.Core.Inputs;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Reporting.Writers;
using InfraLint.Rules;
using InfraLint.Sdk;

namespace InfraLint.Cli;

internal static class ReportWriters
{
    /// <summary>Every rule the CLI can report, for SARIF's rule metadata.</summary>
    public static IEnumerable<RuleDescriptor> Catalogue =>
        BuiltInRules.All.Select(r => r.Describe).Concat(ToolDiagnostics.All);

    public static IReportWriter For(ReportFormat format, SarifBaseline? baseline) => format switch
    {
        ReportFormat.Sarif => new SarifReportWriter(Catalogue, baseline),
        ReportFormat.GitHub => new GitHubReportWriter(),
        ReportFormat.Json => new JsonReportWriter(),
        _ => new TextReportWriter(),
    };
}
