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

    /// <summary>The date suppressions' and approvals' <c>expires</c> are compared with.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>After this many compiles the compiler process is replaced, which bounds its memory.</summary>
    public int CompilesPerCompilerProcess { get; init; } = 400;

    /// <summary>Rule packs for every file (<c>--rule-pack</c>, <c>InfraLintRulePack</c> items): <c>*.infralint-rules.json</c> files
    /// or compiled assemblies. Packs named in an <c>infralint.json</c> add to these for the files it governs.</summary>
    public IReadOnlyList<string> RulePacks { get; init; } = [];

    /// <summary>Let the compiler restore registry modules (needs network) instead of reporting them up front.</summary>
    public bool RestoreModules { get; init; }

    /// <summary>Ask the compiler which files each Bicep entry read (modules, loaded files, bicepconfig.json), so an
    /// incremental run knows what to re-analyse; one extra, fast request per Bicep file.</summary>
    public bool TrackDependencies { get; init; }

    /// <summary>Keep the deployment model of every analysed entry file (identities, role assignments, environments) and hand
    /// it out in <see cref="AnalysisResult.Deployments"/>, for the trust graph. Off by default: the models hold every
    /// template's JSON, which a plain check lets go of file by file.</summary>
    public bool CollectDeployments { get; init; }

    /// <summary>Deployments the repository declares (<see cref="Deployments.DeploymentDiscovery"/>): a template they deploy is
    /// analysed once per deployment, with its values and environment, instead of on its own, and the parameters files they
    /// use are not analysed again on their own.</summary>
    public IReadOnlyList<Deployments.DeclaredDeployment> DeclaredDeployments { get; init; } = [];
}
