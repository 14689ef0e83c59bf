using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Diff;

/// <summary>The changes that widen trust as SARIF results of INFRA0008 (note level unless configured), through the same
/// SARIF writer as <c>check</c>, so code scanning shows them beside the findings.</summary>
public static class DiffSarifWriter
{
    public static string Write(TrustDiff diff, SourceRoot root, Severity severity)
    {
        // "none" in infralint.json: code scanning gets no trust-diff results (the other formats still list every change).
        var findings = diff.Changes.Where(c => c.Widening && severity > Severity.None).Select(change => new Finding(
            ToolDiagnostics.TrustWidened,
            severity,
            change.File is { } file ? new SourceLocation(Path.Combine(root.Directory, file), change.Line ?? 1, 1) : null,
            ToolDiagnostics.TrustWidened.FormatMessage(change.Kind, change.Message))).ToList();
        var report = Report.Of(findings, root, root.Directory, 0) with { ToolRules = [ToolDiagnostics.TrustWidened] };
        return new SarifReportWriter().Write(report);
    }
}
