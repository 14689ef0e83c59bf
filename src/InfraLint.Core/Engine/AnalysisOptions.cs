using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>What one analysis run uses; the CLI and the MSBuild task fill it from their arguments.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The rules to run.</summary>
    public required IReadOnlyList<Rule> Rules { get; init; }

    /// <summary>A compiler path given explicitly (<c>--bicep</c>, <c>InfraLintBicepPath</c>).</summary>
    public string? BicepPath { get; init; }

    /// <summary><c>$(BicepPath)</c> as set by the official Azure.Bicep.CommandLine package.</summary>
    public string? MSBuildBicepPath { get; init; }

    /// <summary>How long one compile may take before the file gets INFRA0002 and the compiler is restarted.</summary>
    public TimeSpan CompileTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>An infralint.json to use for every file instead of the nearest one above each (<c>--config</c>, <c>InfraLintConfigFile</c>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>With <c>--policy-from</c>: the revision infralint.json, .editorconfig and .globalconfig are read from,
    /// and against which weakening changes to them (and to <see cref="BaselineFile"/>) are INFRA0006.</summary>
    public Config.PolicyFiles? PolicyFrom { get; init; }

    /// <summary>The baseline in use (<c>--baseline</c>), compared with the <see cref="PolicyFrom"/> revision's.</summary>
    public string? BaselineFile { get; init; }

    /// <summary>The date suppressions' and approvals' <c>expires</c> are compared with.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>How many entries are analysed at once, each of the lanes with its own compiler process (<c>--parallel</c>,
    /// <c>InfraLintParallelism</c>). 1, the default here, is the sequential run; the CLI and the task default to
    /// <see cref="Engine.Parallelism.Default"/>. The output is the same bytes whatever the number.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>How many Bicep entries make another lane (and its compiler process) worth starting (default 25); tests
    /// set 1 to run every lane on a few files.</summary>
    public int BicepEntriesPerLane { get; init; } = 25;

    /// <summary>After this many compiles the compiler process is replaced, which bounds its memory.</summary>
    public int CompilesPerCompilerProcess { get; init; } = 400;

    /// <summary>Rule packs for every file (<c>--rule-pack</c>, <c>InfraLintRulePack</c> items): <c>*.infralint-rules.json</c> files
    /// or compiled assemblies. Packs named in an <c>infralint.json</c> add to these for the files it governs.</summary>
    public IReadOnlyList<string> RulePacks { get; init; } = [];

    /// <summary>The .editorconfig and .globalconfig files that set severities, as MSBuild gives them to the C# compiler
    /// (<c>@(EditorConfigFiles)</c>, <c>@(GlobalAnalyzerConfigFiles)</c>); null: found by walking up from each file.</summary>
    public IReadOnlyList<string>? AnalyzerConfigFiles { get; init; }

    /// <summary>Let the compiler restore registry modules, type imports and extensions that are not in the local cache:
    /// true always, false never, null (the default) when the registry answers a quick connection check. What is not
    /// restored is analysed as opaque (INFRA0007).</summary>
    public bool? RestoreModules { get; init; }

    /// <summary>Load compiled (<c>.dll</c>) packs that an <c>infralint.json</c> names. A build already runs the repository's
    /// code, so MSBuild keeps this on; the CLI turns it off unless <c>--trust-config-packs</c> is given, because on a pull
    /// request the <c>infralint.json</c> is the author's. Off, such a pack is an INFRA0003 warning at its entry and does not load.</summary>
    public bool LoadConfiguredCompiledPacks { get; init; } = true;

    /// <summary>How long one rule may run on one template before it is given up (INFRA0005) and the run goes on.
    /// A rule that ran out of time once is not run again in this run.</summary>
    public TimeSpan RuleTimeout { get; init; } = DefaultRuleTimeout;

    /// <summary>The default of <see cref="RuleTimeout"/>: 30 s.</summary>
    public static readonly TimeSpan DefaultRuleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>When set, templates are confined to these folders (repository roots): a template that reads a file outside
    /// them (<c>loadTextContent('../..')</c>, a symlink out, a module or rule pack out of the tree) or reads the environment
    /// (<c>readEnvironmentVariable()</c>) is INFRA0001 and none of its values reach an output. The CLI sets it; null
    /// (MSBuild, the default) trusts what the build trusts.</summary>
    public IReadOnlyList<string>? ReadRoots { get; init; }

    /// <summary>Where results are kept between runs (the MSBuild task: <c>obj/…/infralint.cache.json</c>), or null for none.
    /// With a cache, the compiler is also asked which files each Bicep entry read (modules, loaded files, bicepconfig.json),
    /// one extra, fast request per Bicep file, so the next run knows what to analyse again (<see cref="ResultCache"/>).</summary>
    public string? CacheFile { get; init; }

    /// <summary>Further files whose change invalidates every cached result (the MSBuild task's rule packs).</summary>
    public IReadOnlyList<string> CacheInputs { get; init; } = [];

    /// <summary>Keep the deployment model of every analysed entry file (identities, role assignments, environments) and hand
    /// it out in <see cref="AnalysisResult.Deployments"/>, for the trust graph. Off by default: the models hold every
    /// template's JSON, which a plain check lets go of file by file.</summary>
    public bool CollectDeployments { get; init; }

    /// <summary>
    /// Analyse ARM JSON templates that the Bicep compiler wrote from a .bicep file of the analysed set as fully as any
    /// other template. By default such a twin reports only what its source's analysis cannot show.
    /// </summary>
    public bool AnalyzeGeneratedTemplates { get; init; }

    /// <summary>Deployments the repository declares (<see cref="Deployments.DeploymentDiscovery"/>): a template they deploy is
    /// analysed once per deployment, with its values and environment, instead of on its own, and the parameters files they
    /// use are not analysed again on their own.</summary>
    public IReadOnlyList<Deployments.DeclaredDeployment> DeclaredDeployments { get; init; } = [];
}
