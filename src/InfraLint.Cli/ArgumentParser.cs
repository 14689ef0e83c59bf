using System.Globalization;
using InfraLint.Core.Engine;
using InfraLint.Reporting.Graph;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>Parses the command line; a usage error is returned as text, never thrown.</summary>
internal static class ArgumentParser
{
    public const string Usage =
        """
        Usage:
          infralint check <path>... [options]
          infralint baseline create --output FILE <path>... [--bicep PATH] [--restore|--no-restore] [--timeout SECONDS] [--rule-pack PATH]
                                    [--policy-from REF] [--rule-timeout SECONDS] [--trust-config-packs]
          infralint graph <path>... [--format html|mermaid|markdown|dot|json] [--output FILE] [--config FILE] [--bicep PATH]
                                    [--restore|--no-restore] [--timeout SECONDS] [--rule-pack PATH] [--policy-from REF]
                                    [--rule-timeout SECONDS] [--trust-config-packs]
          infralint --version [--bicep PATH]    InfraLint's version and the Bicep compiler it finds
          infralint deployments [path] [--format text|json] [--output FILE] [--config FILE]

        Analyses Bicep (.bicep) and ARM JSON templates; directories are searched recursively
        (bin/ and obj/ are skipped).

        check options:
          --format text|sarif|github|json         output format (default: text):
                                                    text    path(line,col): warning ID: message
                                                    sarif   SARIF 2.1.0 for code scanning
                                                    github  GitHub Actions annotations (::warning file=…::message)
                                                    json    for scripts (docs/output-formats.md)
          --output FILE                           write the report to FILE instead of standard output
                                                  (an unchanged FILE is not rewritten)
          --baseline FILE                         report only findings that are not in FILE (a SARIF baseline)
          --fail-level error|warning|note|none    lowest severity that makes the exit code 1 (default: warning)
          --fail-on-tool-errors true|false        false: a template InfraLint could not analyse (INFRA0001, INFRA0002,
                                                  a broken rule pack) is still reported but does not make the
                                                  exit code 2, for pipelines that gate on findings only (default: true)
          --config FILE                           the infralint.json to use for every file (default: the nearest
                                                  infralint.json above each file; see docs/configuration.md)
          --policy-from REF                       read infralint.json, .editorconfig/.globalconfig and the baseline
                                                  from git revision REF (e.g. the pull request's base), and report
                                                  changes that weaken them as INFRA0006 (docs/ci.md)
          --bicep PATH                            the Bicep compiler to use (default: bicep on PATH, then ~/.azure/bin/bicep)
          --restore                               let the compiler restore registry modules, type imports and
                                                  extensions that are not in the local cache (needs network)
          --no-restore                            never restore; what is not cached is analysed as opaque (INFRA0007)
                                                  (default: restore when the registry answers a quick connection check)
          --include-generated                     analyse ARM JSON that bicep build wrote from a .bicep file of the run
                                                  (main.json beside main.bicep) fully; by default such a template
                                                  reports only what its source's analysis cannot show, and one
                                                  that no longer matches its source gets an INFRA0009 note
          --timeout SECONDS                       per-file compile timeout (default: 60; at most 86400)
          --rule-timeout SECONDS                  how long one rule may run on one file before it is given up
                                                  with INFRA0005 (default: 30; at most 86400)
          --trust-config-packs                    load compiled (.dll) rule packs that an infralint.json in the
                                                  analysed tree names; without it they are INFRA0003 warnings and
                                                  do not run (the tree may be an untrusted pull request)
          --rule-pack PATH                        also run the rules of a rule pack (a *.infralint-rules.json file
                                                  or a compiled pack .dll; repeatable; see docs/rule-packs.md)

        baseline create writes every current finding to FILE as SARIF; `check --baseline FILE` then
        reports only new ones. Findings are matched by rule, file, resource and property, not by line.

        graph draws who can do what, where: identities, the resources that run as them, their role
        assignments, the scopes and stores they reach, by environment, with findings marked (docs/graph.md).
        --format defaults to what --output's extension says (.html, .mmd, .md, .dot/.gv, .json), else html.
        Findings do not change graph's exit code: 0 written, 2 usage, configuration or input errors.

        deployments lists the deployments the repository at path (default: the current directory)
        declares: GitHub Actions workflows, Azure Pipelines, azd environments, infralint.json
        'deployments' and parameters files, with each one's template, parameters, environment and
        where it is declared (docs/deployments.md).

        The summary (counts by severity, time taken) goes to standard error, so standard output holds
        only the report.

        Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage, configuration or input errors:
        also when a template could not be analysed (INFRA0001, INFRA0002, INFRA0003 errors), whatever the
        fail level, unless --fail-on-tool-errors false.
        """;

    public static (CliOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
            return (null, null);
        CliCommand command;
        int first;
        if (args[0] == "check")
            (command, first) = (CliCommand.Check, 1);
        else if (args[0] == "graph")
            (command, first) = (CliCommand.Graph, 1);
        else if (args[0] == "deployments")
            (command, first) = (CliCommand.Deployments, 1);
        else if (args is ["baseline", "create", ..])
            (command, first) = (CliCommand.BaselineCreate, 2);
        else
            return (null, args[0] == "baseline" ? "baseline takes the subcommand 'create'" : $"unknown command '{args[0]}'");

        var paths = new List<string>();
        Severity? failLevel = Severity.Warning;
        var format = ReportFormat.Text;
        string? bicep = null, output = null, baseline = null;
        string? config = null;
        string? policyFrom = null;
        bool? restore = null;
        var failOnToolErrors = true;
        var includeGenerated = false;
        var rulePacks = new List<string>();
        var timeout = TimeSpan.FromSeconds(60);
        var ruleTimeout = AnalysisOptions.DefaultRuleTimeout;
        var trustConfigPacks = false;
        GraphFormat? graphFormat = null;
        for (var i = first; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            if (command == CliCommand.BaselineCreate && arg is "--format" or "--baseline" or "--fail-level" or "--fail-on-tool-errors")
                return (null, $"baseline create does not take {arg}");
            if (command == CliCommand.Graph && arg is "--baseline" or "--fail-level" or "--fail-on-tool-errors")
                return (null, $"graph does not take {arg}");
            if (command == CliCommand.Deployments && arg is "--baseline" or "--fail-level" or "--bicep" or "--restore" or "--timeout" or "--rule-pack")
                return (null, $"deployments does not take {arg}");
            if (command == CliCommand.Deployments && arg == "--format")
            {
                var listFormat = Value();
                if (listFormat is not ("text" or "json"))
                    return (null, $"--format takes text or json for deployments (got '{listFormat}')");
                format = listFormat == "json" ? ReportFormat.Json : ReportFormat.Text;
                continue;
            }
            if (command == CliCommand.Graph && arg == "--format")
            {
                var graphName = Value();
                if (GraphFormats.Parse(graphName) is not { } parsed)
                    return (null, $"--format takes html, mermaid, markdown, dot or json for graph (got '{graphName}')");
                graphFormat = parsed;
                continue;
            }
            switch (arg)
            {
                case "--fail-level":
                    var level = Value();
                    if (level is null || !TryParseLevel(level, out failLevel))
                        return (null, $"--fail-level takes error, warning, note or none (got '{level}')");
                    break;
                case "--fail-on-tool-errors":
                    var toolErrors = Value();
                    if (toolErrors is not ("true" or "false"))
                        return (null, $"--fail-on-tool-errors takes true or false (got '{toolErrors}')");
                    failOnToolErrors = toolErrors == "true";
                    break;
                case "--bicep":
                    bicep = Value() ?? string.Empty;
                    if (bicep.Length == 0)
                        return (null, "--bicep takes the path of the Bicep compiler");
                    break;
                case "--format":
                    var name = Value();
                    if (!TryParseFormat(name, out format))
                        return (null, $"--format takes text, sarif, github or json (got '{name}')");
                    break;
                case "--output":
                    output = Value();
                    if (string.IsNullOrEmpty(output))
                        return (null, "--output takes a file path");
                    break;
                case "--baseline":
                    baseline = Value();
                    if (string.IsNullOrEmpty(baseline))
                        return (null, "--baseline takes the path of a baseline file (see `infralint baseline create`)");
                    break;
                case "--config":
                    config = Value();
                    if (string.IsNullOrEmpty(config))
                        return (null, "--config takes the path of an infralint.json");
                    if (!File.Exists(config))
                        return (null, $"--config: '{config}' does not exist");
                    break;
                case "--policy-from":
                    policyFrom = Value();
                    if (string.IsNullOrEmpty(policyFrom))
                        return (null, "--policy-from takes a git revision (a branch, tag or commit)");
                    break;
                case "--rule-pack":
                    var pack = Value();
                    if (string.IsNullOrEmpty(pack))
                        return (null, "--rule-pack takes the path of a rule pack (*.infralint-rules.json or .dll)");
                    rulePacks.Add(pack);
                    break;
                case "--restore":
                    restore = true;
                    break;
                case "--include-generated":
                    includeGenerated = true;
                    break;
                case "--no-restore":
                    restore = false;
                    break;
                case "--timeout":
                    if (Seconds(Value()) is not { } compileSeconds)
                        return (null, $"--timeout takes a number of seconds above 0 and at most {MaxSeconds}");
                    timeout = compileSeconds;
                    break;
                case "--rule-timeout":
                    if (Seconds(Value()) is not { } ruleSeconds)
                        return (null, $"--rule-timeout takes a number of seconds above 0 and at most {MaxSeconds}");
                    ruleTimeout = ruleSeconds;
                    break;
                case "--trust-config-packs":
                    trustConfigPacks = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                        return (null, $"unknown option '{arg}'");
                    paths.Add(arg);
                    break;
            }
        }
        if (command == CliCommand.Deployments && paths.Count == 0)
            paths.Add(".");
        if (command == CliCommand.Deployments && paths.Count > 1)
            return (null, "deployments takes one repository path");
        if (paths.Count == 0)
            return (null, command switch
            {
                CliCommand.Check => "check needs at least one file or directory",
                CliCommand.Graph => "graph needs at least one file or directory",
                _ => "baseline create needs at least one file or directory",
            });
        if (command == CliCommand.BaselineCreate)
        {
            if (output is null)
                return (null, "baseline create needs --output FILE");
            format = ReportFormat.Sarif;
        }
        if (command == CliCommand.Graph && graphFormat is null && output is not null)
        {
            graphFormat = GraphFormats.FromExtension(output);
            if (graphFormat is null)
                return (null, $"graph cannot tell the format from '{output}'; name it .html, .mmd, .md, .dot, .gv or .json, or pass --format");
        }
        return (new CliOptions(command, paths, format, output, baseline, failLevel, bicep, restore, timeout, config)
        {
            RulePacks = rulePacks,
            FailOnToolErrors = failOnToolErrors,
            IncludeGenerated = includeGenerated,
            PolicyFrom = policyFrom,
            RuleTimeout = ruleTimeout,
            TrustConfigPacks = trustConfigPacks,
            GraphFormat = graphFormat ?? GraphFormat.Html,
        }, null);
    }

    // A day: longer is a mistake, and NaN, infinities and 1e308 would not even make a TimeSpan.
    private const int MaxSeconds = 86400;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0 && seconds <= MaxSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static bool TryParseFormat(string? text, out ReportFormat format)
    {
        (var known, format) = text switch
        {
            "text" => (true, ReportFormat.Text),
            "sarif" => (true, ReportFormat.Sarif),
            "github" => (true, ReportFormat.GitHub),
            "json" => (true, ReportFormat.Json),
            _ => (false, ReportFormat.Text),
        };
        return known;
    }

    private static bool TryParseLevel(string text, out Severity? level)
    {
        level = text switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "note" => Severity.Suggestion,
            "none" => null,
            _ => Severity.None,
        };
        return level != Severity.None;
    }
}
