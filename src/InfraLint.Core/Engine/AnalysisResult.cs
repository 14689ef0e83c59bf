using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>The outcome of one run: findings (suppressed ones included, marked) sorted by path, line, column and id.</summary>
public sealed record AnalysisResult(IReadOnlyList<Finding> Findings, int FilesAnalyzed, int CompilerStarts, TimeSpan Elapsed)
{
    /// <summary>Every rule the run knows: its own rules and diagnostics, and the rule packs it loaded.</summary>
    public RuleCatalogue? Rules { get; init; }

    /// <summary>The rule packs that were loaded, with the rules that ran (SARIF lists each as a tool extension).</summary>
    public IReadOnlyList<Packs.RulePack> RulePacks => Rules?.Packs ?? [];

    /// <summary>Input files analysed in this run, in the order they were analysed (path order).</summary>
    public IReadOnlyList<string> Reanalyzed { get; init; } = [];

    /// <summary>How many input files were analysed in this run.</summary>
    public int FilesReanalyzed => Reanalyzed.Count;

    /// <summary>With a cache: how many input files' results were reused because nothing they depend on changed.</summary>
    public int FilesReused { get; init; }

    /// <summary>Why the cache was not used or not written (unreadable, unwritable), or null.</summary>
    public string? CacheNote { get; init; }

    /// <summary>With <see cref="AnalysisOptions.CollectDeployments"/>: the deployment of every entry file analysed in this run,
    /// in path order; empty otherwise, and for files whose results came from an incremental cache.</summary>
    public IReadOnlyList<DeploymentInfo> Deployments { get; init; } = [];

    /// <summary>The infralint.json files the run read (full paths, in the order read): a shard report lists them, so that
    /// <c>infralint merge</c> knows which shards could have used a central suppression.</summary>
    public IReadOnlyList<string> ConfigurationFiles { get; init; } = [];
}
