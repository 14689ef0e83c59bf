using InfraLint.Core.Deployments;
using InfraLint.Core.Engine;
using InfraLint.Rules;
using Microsoft.Build.Framework;

namespace InfraLint.MSBuild;

/// <summary>The task's parameters, as build/InfraLint.targets passes them, and what they mean for the run.</summary>
public sealed partial class InfraLintTask
{
    [Required]
    public ITaskItem[] Templates { get; set; } = [];

    /// <summary><c>$(InfraLintBicepPath)</c>: an explicit compiler.</summary>
    public string? BicepPath { get; set; }

    /// <summary><c>$(BicepPath)</c>, set by the Azure.Bicep.CommandLine.&lt;rid&gt; package.</summary>
    public string? PackageBicepPath { get; set; }

    /// <summary><c>$(InfraLintRestoreModules)</c>: <c>true</c>, <c>false</c>, or empty for "when the registry is reachable".</summary>
    public string? RestoreModules { get; set; }

    public bool AnalyzeGeneratedTemplates { get; set; }

    /// <summary><c>$(InfraLintConfigFile)</c>: one infralint.json for every template instead of the nearest one above each.</summary>
    public string? ConfigFile { get; set; }

    /// <summary><c>$(InfraLintCompileTimeout)</c>: seconds one compile may take (default 60).</summary>
    public int CompileTimeoutSeconds { get; set; } = 60;

    /// <summary><c>$(InfraLintRuleTimeout)</c>: seconds one rule may run on one template before it is INFRA0005 (default 30).</summary>
    public int RuleTimeoutSeconds { get; set; } = 30;

    /// <summary><c>$(InfraLintParallelism)</c>: how many templates are analysed at once, each lane with its own compiler
    /// (0 or empty: the processor count, capped by memory; 1: sequential).</summary>
    public int Parallelism { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary><c>$(WarningsNotAsErrors)</c> and <c>$(NoWarn)</c>: ids that <see cref="TreatWarningsAsErrors"/> leaves alone.</summary>
    public string? WarningsNotAsErrors { get; set; }

    public string? NoWarn { get; set; }

    /// <summary><c>$(InfraLintSarifFile)</c> as a full path: where to write SARIF, or empty for none.</summary>
    public string? SarifFile { get; set; }

    /// <summary><c>$(InfraLintGraphFile)</c> as a full path: where to write the trust graph (format by extension), or empty for none.</summary>
    public string? GraphFile { get; set; }

    /// <summary><c>$(InfraLintBaselineFile)</c> as a full path: only findings not in it are logged.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Where findings are cached between builds (<c>$(IntermediateOutputPath)infralint.cache.json</c>), or empty for none.</summary>
    public string? CacheFile { get; set; }

    /// <summary>Further files whose change re-analyses everything, such as <c>@(InfraLintRulePack)</c>.</summary>
    public ITaskItem[] AdditionalInputs { get; set; } = [];

    /// <summary>The build's .editorconfig and .globalconfig files, as the C# compiler gets them, plus those above each template.</summary>
    public ITaskItem[] AnalyzerConfigFiles { get; set; } = [];

    /// <summary>How many compiler processes this run started (0 when nothing changed).</summary>
    [Output]
    public int CompilerStarts { get; private set; }

    /// <summary>How many input files were analysed in this run; the others' findings came from the cache.</summary>
    [Output]
    public int FilesReanalyzed { get; private set; }

    /// <summary><c>@(InfraLintRulePack)</c>: rule packs (<c>*.infralint-rules.json</c> or compiled .dll) for every template.</summary>
    public ITaskItem[] RulePacks { get; set; } = [];

    /// <summary><c>$(MSBuildProjectDirectory)</c>: where the search for the source root (<c>.git</c>) starts.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>Analyse each deployment the repository declares (pipelines, azd, infralint.json) with its values and environment.</summary>
    public bool DiscoverDeployments { get; set; } = true;

    /// <summary>Where deployments are declared; empty means the repository root (the nearest folder with .git above the project).</summary>
    public string? DeploymentsRoot { get; set; }

    /// <summary>Where to keep what deployment discovery found (obj/infralint.deployments.json), so that a build of an
    /// unchanged repository parses no pipeline file again; empty to discover afresh every build.</summary>
    public string? DeploymentsCacheFile { get; set; }

    private AnalysisOptions Options(bool collectDeployments) => new()
    {
        Rules = BuiltInRules.All,
        BicepPath = BicepPath,
        MSBuildBicepPath = PackageBicepPath,
        RestoreModules = bool.TryParse(RestoreModules, out var restore) ? restore : null,
        AnalyzeGeneratedTemplates = AnalyzeGeneratedTemplates,
        ConfigFile = string.IsNullOrEmpty(ConfigFile) ? null : ConfigFile,
        CompileTimeout = TimeSpan.FromSeconds(Math.Max(1, CompileTimeoutSeconds)),
        RuleTimeout = TimeSpan.FromSeconds(Math.Max(1, RuleTimeoutSeconds)),
        Parallelism = Parallelism > 0 ? Math.Min(Parallelism, Core.Engine.Parallelism.Max) : Core.Engine.Parallelism.Default,
        RulePacks = FullPaths(RulePacks),
        AnalyzerConfigFiles = FullPaths(AnalyzerConfigFiles).Distinct(StringComparer.Ordinal).ToList(),
        CacheFile = string.IsNullOrEmpty(CacheFile) ? null : CacheFile,
        CacheInputs = FullPaths(AdditionalInputs),
        CollectDeployments = collectDeployments,
        DeclaredDeployments = DiscoverDeployments ? Discovered() : [],
    };

    private IReadOnlyList<DeclaredDeployment> Discovered()
    {
        var discovered = DeploymentDiscovery.ForProject(ProjectDirectory is { Length: > 0 } p ? p : Directory.GetCurrentDirectory(),
            string.IsNullOrEmpty(DeploymentsRoot) ? null : DeploymentsRoot, string.IsNullOrEmpty(ConfigFile) ? null : ConfigFile,
            string.IsNullOrEmpty(DeploymentsCacheFile) ? null : DeploymentsCacheFile);
        foreach (var note in discovered.Notes)
            Log.LogMessage(MessageImportance.Low, "InfraLint: " + note);
        return discovered.Deployments;
    }

    private static List<string> FullPaths(ITaskItem[] items) => items.Select(i => i.GetMetadata("FullPath")).ToList();
}
