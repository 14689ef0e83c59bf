using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;

namespace InfraLint.Reporting.Writers;

/// <summary>One output format of a run (text, SARIF, GitHub annotations, JSON).</summary>
public interface IReportWriter
{
    /// <summary>The whole report as text. It is returned rather than streamed so that an output file
    /// whose content would not change can be left untouched (see <see cref="ReportFile"/>).</summary>
    string Write(Report report);
}
