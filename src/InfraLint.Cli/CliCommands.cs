using System.CommandLine;
using System.CommandLine.Help;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using static InfraLint.Cli.CliSymbols;

namespace InfraLint.Cli;

/// <summary>
/// The verbs of <c>infralint</c> (DESIGN.md, Surfaces): which options each takes, the help text generated from them, and the
/// command each one runs. <c>--help</c> anywhere prints the help of the command it follows.
/// </summary>
internal static class CliCommands
{
    // Help is laid out for this width whatever the terminal, so it reads the same in a log as on screen.
    private const int HelpWidth = 120;

    private const string ExitCodeText =
        "Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage, configuration or input errors: also when a template " +
        "could not be analysed (INFRA0001, INFRA0002, INFRA0003 errors), whatever the fail level, unless --fail-on-tool-errors false.";

    private const string Summary =
        "The summary (counts by severity, time taken) goes to standard error, so standard output holds only the report.";

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "InfraLint finds trust mistakes in Azure infrastructure as code before it is deployed: secrets in configuration, " +
            "missing managed identities, role assignments that are too wide, sandbox and production mixed, AI operations. " +
            "It analyses Bicep (.bicep, .bicepparam) and ARM JSON templates; directories are searched recursively (bin/ and " +
            "obj/ are skipped).\n\n" + Summary + "\n\n" + ExitCodeText + "\n\nRun 'infralint <command> --help' for a command's options.");
        // The built-in --version prints only the assembly version; InfraLint's also names the compiler a run would use.
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        root.Options.Add(ShowVersion);
        root.Options.Add(VersionBicep);
        root.Directives.Clear();
        // The built-in help also answers to /h and /?, which on Linux are paths: `check /h` analyses the folder /h.
        root.Options.Remove(root.Options.OfType<HelpOption>().Single());
        var help = new HelpOption("--help", "-h", "-?");
        ((HelpAction)help.Action!).MaxWidth = HelpWidth;
        root.Options.Add(help);
        root.SetAction(r => VersionCommand.Run(r.GetValue(VersionBicep)));

        var check = Analysis("check", CliCommand.Check,
            "Reports findings, one line each in the default text format: path(line,col): warning INFRA1001: message, with paths " +
            "relative to the working directory. " + Summary + "\n\n" + ExitCodeText,
            CheckFormat, Output, Baseline, FailLevel, FailOnToolErrors, Shard);
        var baseline = new Command("baseline", "Baselines: run 'infralint baseline create --help'.")
        {
            Analysis("create", CliCommand.BaselineCreate,
                "Writes every current finding to --output FILE as SARIF; 'infralint check --baseline FILE' then reports only new " +
                "ones. Findings are matched by rule, file, resource and property, not by line. A run that could not analyse every " +
                "template writes no baseline. Exit codes: 0 written, 2 usage, configuration or input errors.",
                BaselineOutput),
        };
        baseline.Subcommands[0].Validators.Add(r =>
        {
            if (r.GetResult(BaselineOutput) is null)
                r.AddError("baseline create needs --output FILE");
        });
        var graph = Analysis("graph", CliCommand.Graph,
            "Draws who can do what, where: identities, the resources that run as them, their role assignments, the scopes and " +
            "stores they reach, by environment, with findings marked (docs/graph.md). Findings do not change the exit code: " +
            "0 written, 2 usage, configuration or input errors (the graph of what could be read is still written). With --base REF " +
            "it marks what changed since REF (docs/graph.md), and exits as diff does: 2 also for an unknown revision.",
            DrawingFormat, Output, GraphBase);
        graph.Validators.Add(r =>
        {
            var output = r.GetResult(Output) is { Tokens: [.., var last] } ? last.Value : null;
            if (r.GetResult(DrawingFormat) is null && output is not null && GraphFormats.FromExtension(output) is null)
                r.AddError($"graph cannot tell the format from '{output}'; name it .html, .mmd, .md, .dot, .gv or .json, or pass --format");
            else if (r.GetResult(GraphBase) is not null &&
                     !GraphFormats.ShowsChanges(r.GetValue(DrawingFormat) ?? (output is null ? GraphFormat.Html : GraphFormats.FromExtension(output)!.Value)))
                r.AddError("graph --base draws html, mermaid or markdown (dot and json do not show changes)");
        });
        graph.SetAction(r => Run(CliOptions.From(r, CliCommand.Graph), options => options.BaseRef is null ? AnalysisCommand.Run(options) : GraphCommand.Compare(options)));
        var deployments = new Command("deployments",
            "Lists the deployments the repository at path declares: GitHub Actions workflows, Azure Pipelines, azd " +
            "environments, infralint.json 'deployments' and parameters files, with each one's template, parameters, environment " +
            "and where it is declared (docs/deployments.md). Exit codes: 0 listed, 2 usage or input errors.")
        {
            RepositoryPath, ListFormat, Output, Config,
        };
        deployments.SetAction(r => Run(CliOptions.From(r, CliCommand.Deployments), DeploymentsCommand.Run));
        var merge = new Command("merge",
            "Merges the reports of every shard of one run (check --shard K/N, one report per shard, all in one format) into " +
            "exactly the report one unsharded run writes (docs/ci.md). Reports of another run, a shard given twice or one " +
            "missing are refused. Exit codes: 0 written, 2 usage or input errors.")
        {
            ShardReports, MergeFormat, Output,
        };
        merge.SetAction(r => Run(CliOptions.From(r, CliCommand.Merge), MergeCommand.Run));
        var diff = Analysis("diff", CliCommand.Diff,
            "Compares who can do what, where, between git revision --base REF and the working tree: identities, what runs as " +
            "them, role assignments (role, scope, environment), settings that point at stores and AI services, secrets in " +
            "configuration and findings, matched by resource type and evaluated name, principal, role and scope, never by line " +
            "(docs/diff.md). The checkout is never changed. Exit codes: 0 written (also with widening changes), 1 with --fail-on " +
            "widening when a change widens trust, 2 usage or input errors (an unknown revision, a template that could not be analysed).",
            DiffFormat, Output, Base, FailOn);
        diff.SetAction(r => Run(CliOptions.From(r, CliCommand.Diff), DiffCommand.Run));
        diff.Validators.Add(r =>
        {
            if (r.GetResult(Base) is null)
                r.AddError("diff needs --base REF (the git revision to compare with)");
        });

        // Spellings the hand-written parser accepted; kept working, not advertised.
        var helpVerb = new Command("help") { Hidden = true };
        helpVerb.SetAction(_ => root.Parse("--help").Invoke());
        var version = new Command("version") { Hidden = true };
        version.Options.Add(VersionBicep);
        version.SetAction(r => VersionCommand.Run(r.GetValue(VersionBicep)));

        root.Subcommands.Add(check);
        root.Subcommands.Add(baseline);
        root.Subcommands.Add(graph);
        root.Subcommands.Add(deployments);
        root.Subcommands.Add(merge);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(helpVerb);
        root.Subcommands.Add(version);
        return root;
    }

    /// <summary>A verb that analyses paths: its own options first, then the ones every analysis takes.</summary>
    private static Command Analysis(string name, CliCommand command, string description, params Option[] own)
    {
        var verb = new Command(name, description) { Paths };
        foreach (var option in own.Concat<Option>(
            [Config, PolicyFrom, Bicep, Restore, NoRestore, IncludeGenerated, CompileTimeout, RuleTimeout, ParallelLanes, TrustConfigPacks, RulePacks]))
            verb.Options.Add(option);
        verb.SetAction(r => Run(CliOptions.From(r, command), AnalysisCommand.Run));
        return verb;
    }

    private static int Run(CliOptions options, Func<CliOptions, int> command)
    {
        // A committed symbolic link where the report goes could point anywhere: refuse it before any work.
        if (options.OutputFile is { } output && ReportFile.Problem(output) is { } outputProblem)
        {
            Console.Error.WriteLine($"infralint: error: cannot write '{output}': {outputProblem}");
            return ExitCodes.UsageOrInputError;
        }
        return command(options);
    }
}
