using System.Globalization;
using InfraLint.Core.Engine;

namespace InfraLint.Reporting.Reports;

/// <summary>The one line a build log ends InfraLint's part with: what was analysed, what came from the cache, how long it took.</summary>
public static class RunSummary
{
    public static string Build(AnalysisResult result, Report report, bool hasBaseline)
    {
        var baselined = hasBaseline ? $", {report.Findings.Count(f => f.BaselineState == BaselineState.Unchanged)} baselined finding(s) not shown" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.FilesAnalyzed} template(s) analyzed in {result.Elapsed.TotalSeconds:0.0} s ({result.FilesReanalyzed} file(s) analyzed again, " +
            $"{result.FilesReused} unchanged from the cache), compiler started {result.CompilerStarts} time(s){baselined}.");
    }
}
