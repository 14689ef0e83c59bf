using System.CommandLine;
using InfraLint.Reporting.Graph;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>The parsed arguments of a command (<see cref="CliSymbols"/> defines them).</summary>
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

    /// <summary><c>--parallel</c>: how many lanes (compiler processes) analyse at once; null for <see cref="Core.Engine.Parallelism.Default"/>.</summary>
    public int? Parallel { get; init; }

    /// <summary><c>--shard K/N</c>: analyse only part K of N of the inputs (<see cref="Core.Engine.Sharding"/>).</summary>
    public (int Index, int Count)? Shard { get; init; }

    /// <summary><c>--trust-config-packs</c>: load compiled packs that an infralint.json in the analysed tree names.</summary>
    public bool TrustConfigPacks { get; init; }

    /// <summary><c>graph --format</c>, or what <c>--output</c>'s extension asks for; HTML otherwise.</summary>
    public GraphFormat GraphFormat { get; init; } = GraphFormat.Html;

    /// <summary><c>diff --base</c>, <c>graph --base</c>: the git revision the working tree is compared with.</summary>
    public string? BaseRef { get; init; }

    /// <summary><c>diff --fail-on widening</c>: exit 1 when a change widens trust.</summary>
    public bool FailOnWidening { get; init; }

    /// <summary>The options of <paramref name="command"/> from a command line that parsed without errors.</summary>
    public static CliOptions From(ParseResult result, CliCommand command)
    {
        var output = result.GetValue(command == CliCommand.BaselineCreate ? CliSymbols.BaselineOutput : CliSymbols.Output);
        return new CliOptions(
            command,
            command switch
            {
                CliCommand.Deployments => [result.GetValue(CliSymbols.RepositoryPath) ?? "."],
                CliCommand.Merge => result.GetValue(CliSymbols.ShardReports)!,
                _ => result.GetValue(CliSymbols.Paths)!,
            },
            command switch
            {
                CliCommand.Check => result.GetValue(CliSymbols.CheckFormat) ?? ReportFormat.Text,
                CliCommand.Merge => result.GetValue(CliSymbols.MergeFormat) ?? ReportFormat.Text,
                CliCommand.Deployments => result.GetValue(CliSymbols.ListFormat) ?? ReportFormat.Text,
                CliCommand.Diff => result.GetValue(CliSymbols.DiffFormat) ?? ReportFormat.Text,
                CliCommand.BaselineCreate => ReportFormat.Sarif,
                _ => ReportFormat.Text,
            },
            output,
            result.GetValue(CliSymbols.Baseline),
            (result.GetValue(CliSymbols.FailLevel) ?? Severity.Warning) is var level && level == Severity.None ? null : level,
            result.GetValue(CliSymbols.Bicep),
            CliSymbols.RestoreChoice(result),
            result.GetValue(CliSymbols.CompileTimeout) ?? TimeSpan.FromSeconds(60),
            result.GetValue(CliSymbols.Config))
        {
            RulePacks = result.GetValue(CliSymbols.RulePacks) ?? [],
            FailOnToolErrors = result.GetValue(CliSymbols.FailOnToolErrors) != "false",
            IncludeGenerated = result.GetValue(CliSymbols.IncludeGenerated),
            PolicyFrom = result.GetValue(CliSymbols.PolicyFrom),
            RuleTimeout = result.GetValue(CliSymbols.RuleTimeout) ?? Core.Engine.AnalysisOptions.DefaultRuleTimeout,
            TrustConfigPacks = result.GetValue(CliSymbols.TrustConfigPacks),
            Parallel = result.GetValue(CliSymbols.ParallelLanes),
            Shard = command == CliCommand.Check ? result.GetValue(CliSymbols.Shard) : null,
            BaseRef = command == CliCommand.Graph ? result.GetValue(CliSymbols.GraphBase) : result.GetValue(CliSymbols.Base),
            FailOnWidening = result.GetValue(CliSymbols.FailOn) == DiffGate.Widening,
            // The graph validator has made sure an --output without --format has a known extension.
            GraphFormat = command != CliCommand.Graph ? GraphFormat.Html
                : result.GetValue(CliSymbols.DrawingFormat) ?? (output is null ? GraphFormat.Html : GraphFormats.FromExtension(output)!.Value),
        };
    }
}
