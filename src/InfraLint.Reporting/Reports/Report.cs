using InfraLint.Reporting.Output;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Reports;

/// <summary>What every output format is written from.</summary>
/// <param name="Findings">All findings of the run, in the engine's order, including baselined and suppressed ones.</param>
/// <param name="Root">Where repository-relative paths (SARIF, GitHub, JSON, fingerprints) start.</param>
/// <param name="WorkingDirectory">Where the text format's paths start, as the user typed them.</param>
/// <param name="FilesAnalyzed">How many templates were analyzed.</param>
public sealed record Report(IReadOnlyList<ReportedFinding> Findings, SourceRoot Root, string WorkingDirectory, int FilesAnalyzed)
{
    /// <summary>A report without a baseline: every finding is fingerprinted and reported.</summary>
    public static Report Of(IReadOnlyList<Finding> findings, SourceRoot root, string workingDirectory, int filesAnalyzed) =>
        new(findings.Select(f => new ReportedFinding(f, FindingFingerprint.Compute(f, root))).ToList(), root, workingDirectory, filesAnalyzed);

    /// <summary>The run's own rules and diagnostics (SARIF's driver describes each, reported or not).</summary>
    public IReadOnlyList<RuleDescriptor> ToolRules { get; init; } = [];

    /// <summary>The rule packs of the run (SARIF describes each as a tool extension).</summary>
    public IReadOnlyList<Core.Packs.RulePack> RulePacks { get; init; } = [];

    /// <summary>With <c>--shard K/N</c>: the part of the run this report covers; every format records it.</summary>
    public ShardCoverage? Shard { get; init; }

    /// <summary>The findings shown to the user and counted for the exit code.</summary>
    public IEnumerable<ReportedFinding> Reported => Findings.Where(f => f.IsReported);
}
