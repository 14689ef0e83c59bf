using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>The outcome of one run: findings sorted by path, line, column and id.</summary>
public sealed record AnalysisResult(IReadOnlyList<Finding> Findings, int FilesAnalyzed, int CompilerStarts, TimeSpan Elapsed)
{
    /// <summary>What the build log and text output show: not suppressed, not silent.</summary>
    public IEnumerable<Finding> Reported => Findings.Where(f => f.Suppression is null && f.Severity > Severity.Silent);
}
