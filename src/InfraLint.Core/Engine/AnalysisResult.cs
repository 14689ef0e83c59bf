using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>The outcome of one run: findings (suppressed ones included, marked) sorted by path, line, column and id.</summary>
public sealed record AnalysisResult(IReadOnlyList<Finding> Findings, int FilesAnalyzed, int CompilerStarts, TimeSpan Elapsed)
{
    /// <summary>In an incremental run: how many input files' results came from the cache instead of a new analysis.</summary>
    public int FilesFromCache { get; init; }

    /// <summary>The rule packs that were loaded, with the rules that ran (SARIF lists each as a tool extension).</summary>
    public IReadOnlyList<Packs.RulePack> RulePacks { get; init; } = [];

    /// <summary>With <see cref="AnalysisOptions.CollectDeployments"/>: the deployment of every entry file analysed in this run,
    /// in path order; empty otherwise, and for files whose results came from an incremental cache.</summary>
    public IReadOnlyList<DeploymentInfo> Deployments { get; init; } = [];
}
