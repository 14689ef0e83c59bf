using InfraLint.Core.Engine;
using InfraLint.Reporting.Output;

namespace InfraLint.Reporting.Reports;

/// <summary>Turns a run into the report every format is written from, the same way in the CLI and the MSBuild task.</summary>
public static class RunReport
{
    /// <summary>Fingerprints the findings against the source root found from <paramref name="startDirectory"/>
    /// and, with a baseline, marks them new or unchanged.</summary>
    public static Report Create(AnalysisResult result, string startDirectory, string workingDirectory, SarifBaseline? baseline)
    {
        var report = Report.Of(result.Findings, SourceRoot.Discover(startDirectory), workingDirectory, result.FilesAnalyzed) with
        {
            ToolRules = result.Rules?.Tool ?? [],
            RulePacks = result.RulePacks,
        };
        return baseline?.Apply(report) ?? report;
    }
}
