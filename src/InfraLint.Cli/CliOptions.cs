using InfraLint.Reporting.Graph;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>The parsed arguments of <c>infralint check</c> and <c>infralint baseline create</c>.</summary>
internal sealed record CliOptions(
    CliCommand Command,
    IReadOnlyList<string> Paths,
    ReportFormat Format,
    string? OutputFile,
    string? BaselineFile,
    Severity? FailLevel,
    string? BicepPath,
    bool? RestoreModules,
    TimeSpan CompileTimeout,
    string? ConfigFile = null)
{
    /// <summary><c>--policy-from</c>: the git revision InfraLint's own configuration and baseline are read from.</summary>
    public string? PolicyFrom { get; init; }

    /// <summary><c>--rule-pack</c> paths, in the order given.</summary>
    public IReadOnlyList<string> RulePacks { get; init; } = [];

    /// <summary><c>--include-generated</c>: analyse JSON templates built from a .bicep file of the run as fully as any other.</summary>
    public bool IncludeGenerated { get; init; }

    /// <summary><c>--fail-on-tool-errors</c>: false keeps a template that could not be analysed from making the exit code 2.</summary>
    public bool FailOnToolErrors { get; init; } = true;

    /// <summary><c>--rule-timeout</c>: how long one rule may run on one file.</summary>
    public TimeSpan RuleTimeout { get; init; } = Core.Engine.AnalysisOptions.DefaultRuleTimeout;

    /// <summary><c>--trust-config-packs</c>: load compiled packs that an infralint.json in the analysed tree names.</summary>
    public bool TrustConfigPacks { get; init; }

    /// <summary><c>graph --format</c>, or what <c>--output</c>'s extension asks for; HTML otherwise.</summary>
    public GraphFormat GraphFormat { get; init; } = GraphFormat.Html;
}
