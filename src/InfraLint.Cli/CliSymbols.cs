using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using InfraLint.Reporting.Graph;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>
/// Every option and argument of the CLI, defined once with its help text and validation. A command lists the ones it takes
/// (<see cref="CliCommands"/>); an option shared by several commands is one instance, so it reads the same everywhere.
/// </summary>
internal static class CliSymbols
{
    // A day: longer is a mistake, and NaN, infinities and 1e308 would not even make a TimeSpan.
    private const int MaxSeconds = 86400;

    // A repeated single-value option takes its last value, as it always did (a pipeline may append to a command line).
    private static readonly ArgumentArity LastWins = ArgumentArity.OneOrMore;

    public static readonly Argument<string[]> Paths = new("path")
    {
        Description = "Bicep (.bicep, .bicepparam) and ARM JSON templates, or directories searched recursively (bin/ and obj/ are " +
            "skipped). Put -- before a path that begins with '-'.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Argument<string[]> ShardReports = new("report")
    {
        Description = "The reports of every shard of one run (check --shard K/N), all in the --format given.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<ReportFormat?> MergeFormat = Choice("--format",
        "The format of the shard reports, and of the merged one (default: text).",
        [("text", ReportFormat.Text), ("sarif", ReportFormat.Sarif), ("github", ReportFormat.GitHub), ("json", ReportFormat.Json)],
        " for merge");

    /// <summary>The most shards a run is split into.</summary>
    public const int MaxShards = 1000;

    public static readonly Option<(int Index, int Count)?> Shard = new("--shard")
    {
        Description = "Analyse only part K of N (1-based) of the inputs, for CI jobs that split one run; a template stays with its modules " +
            "and parameters files. Every report format records the part; 'infralint merge' puts the reports back together (docs/ci.md).",
        HelpName = "K/N",
        Arity = LastWins,
        CustomParser = r => OneOf<(int, int)>(r, value =>
                value.Split('/') is [var k, var n] &&
                int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
                int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var count) &&
                count is >= 1 and <= MaxShards && index >= 1 && index <= count
                    ? (index, count)
                    : null,
            value => $"--shard takes K/N, part K (from 1) of N parts (N at most {MaxShards}), such as 2/4 (got '{value}')"),
    };

    public static readonly Argument<string> RepositoryPath = new("path")
    {
        Description = "The repository to read (default: the current directory).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static readonly Option<ReportFormat?> CheckFormat = Choice("--format",
        "The report format (default: text):\n" +
        "  text    path(line,col): warning ID: message\n" +
        "  sarif   SARIF 2.1.0 for code scanning\n" +
        "  github  GitHub Actions annotations (::warning file=…::message)\n" +
        "  json    for scripts (docs/output-formats.md)",
        [("text", ReportFormat.Text), ("sarif", ReportFormat.Sarif), ("github", ReportFormat.GitHub), ("json", ReportFormat.Json)]);

    public static readonly Option<GraphFormat?> DrawingFormat = Choice("--format",
        "The drawing's format (default: what --output's extension says: .html/.htm, .mmd, .md, .dot/.gv, .json; else html).",
        [.. new[] { "html", "mermaid", "markdown", "dot", "json" }.Select(word => (word, GraphFormats.Parse(word)!.Value))],
        " for graph");

    public static readonly Option<ReportFormat?> ListFormat = Choice("--format",
        "text (one deployment a line) or json (for scripts; docs/deployments.md). Default: text.",
        [("text", ReportFormat.Text), ("json", ReportFormat.Json)],
        " for deployments");

    public static readonly Option<ReportFormat?> DiffFormat = Choice("--format",
        "The diff's format (default: text):\n" +
        "  text      path(line): widening grantAdded: message, one change a line\n" +
        "  markdown  a pull-request comment: verdict, widening table, the rest collapsed, new findings\n" +
        "  json      for scripts (docs/diff.md)\n" +
        "  sarif     widening changes as INFRA0008 results for code scanning",
        [("text", ReportFormat.Text), ("markdown", ReportFormat.Markdown), ("json", ReportFormat.Json), ("sarif", ReportFormat.Sarif)],
        " for diff");

    public static readonly Option<string?> Base = Text("--base", "REF",
        "The git revision to compare the working tree with (a branch, tag or commit, e.g. the pull request's base); required. " +
        "Its files are read from git into a temporary folder: the checkout is never changed.",
        "--base takes a git revision (a branch, tag or commit)");

    public static readonly Option<string?> GraphBase = Text("--base", "REF",
        "Mark what changed since git revision REF (a branch, tag or commit, e.g. the pull request's base): added green, removed " +
        "grey and struck through, widened red, as 'infralint diff --base REF' reports it; html, mermaid and markdown only. " +
        "Its files are read from git into a temporary folder: the checkout is never changed.",
        "--base takes a git revision (a branch, tag or commit)");

    // "none" is the default: a diff is for reviewers; --fail-on widening makes it a gate.
    public static readonly Option<DiffGate?> FailOn = Choice("--fail-on",
        "widening: exit 1 when any change widens trust; none (default): exit 0 whenever the diff is written.",
        [("widening", DiffGate.Widening), ("none", DiffGate.None)]);

    public static readonly Option<string?> Output = Text("--output", "FILE",
        "Write to FILE instead of standard output (an unchanged FILE is not rewritten, and one that is a symbolic link is refused).",
        "--output takes a file path");

    public static readonly Option<string?> BaselineOutput = Text("--output", "FILE",
        "The SARIF file to write the baseline to (required).",
        "--output takes a file path");

    public static readonly Option<string?> Baseline = Text("--baseline", "FILE",
        "Report only findings that are not in FILE (a SARIF baseline from `infralint baseline create`, or any InfraLint SARIF).",
        "--baseline takes the path of a baseline file (see `infralint baseline create`)");

    // "none" is Severity.None here: no severity fails the run (CliOptions.FailLevel null).
    public static readonly Option<Severity?> FailLevel = Choice("--fail-level",
        "The lowest severity that makes the exit code 1 (default: warning).",
        [("error", Severity.Error), ("warning", Severity.Warning), ("note", Severity.Suggestion), ("none", Severity.None)]);

    // A string, not a bool: System.CommandLine lets a bool option take the next word only when it reads as a bool, so
    // "--fail-on-tool-errors maybe" would turn "maybe" into a path.
    public static readonly Option<string?> FailOnToolErrors = Text("--fail-on-tool-errors", "true|false",
        "false: a template InfraLint could not analyse (INFRA0001, INFRA0002, a broken rule pack) is still reported but does " +
        "not make the exit code 2, for pipelines that gate on findings only (default: true).",
        "--fail-on-tool-errors takes true or false (got '')",
        value => value is "true" or "false" ? null : $"--fail-on-tool-errors takes true or false (got '{value}')");

    public static readonly Option<string?> Config = Text("--config", "FILE",
        "The infralint.json to use for every file (default: the nearest infralint.json above each file; docs/configuration.md).",
        "--config takes the path of an infralint.json",
        path => File.Exists(path) ? null : $"--config: '{path}' does not exist");

    public static readonly Option<string?> PolicyFrom = Text("--policy-from", "REF",
        "Read infralint.json, .editorconfig/.globalconfig and the baseline from git revision REF (e.g. the pull request's base), " +
        "and report changes that weaken them as INFRA0006 (docs/ci.md).",
        "--policy-from takes a git revision (a branch, tag or commit)");

    public static readonly Option<string?> Bicep = Text("--bicep", "PATH",
        "The Bicep compiler to use (default: bicep on PATH, then ~/.azure/bin/bicep).",
        "--bicep takes the path of the Bicep compiler");

    public static readonly Option<string?> VersionBicep = Text("--bicep", "PATH",
        "With --version: the Bicep compiler to report on instead of the one a run would find.",
        "--bicep takes the path of the Bicep compiler");

    public static readonly Option<bool> ShowVersion = Flag("--version",
        "Print InfraLint's version and the Bicep compiler it finds (and its version), then exit 0.");

    public static readonly Option<bool> Restore = Flag("--restore",
        "Let the compiler restore registry modules, type imports and extensions that are not in the local cache (needs network).");

    public static readonly Option<bool> NoRestore = Flag("--no-restore",
        "Never restore; what is not cached is analysed as opaque (INFRA0007). Default: restore when the registry answers a quick " +
        "connection check. The last of --restore and --no-restore wins.");

    public static readonly Option<bool> IncludeGenerated = Flag("--include-generated",
        "Analyse ARM JSON that bicep build wrote from a .bicep file of the run (main.json beside main.bicep) fully; by default " +
        "such a template reports only what its source's analysis cannot show, and one that no longer matches its source gets an " +
        "INFRA0009 note.");

    public static readonly Option<TimeSpan?> CompileTimeout = Seconds("--timeout",
        "The per-file compile timeout in seconds (default: 60; at most 86400).");

    public static readonly Option<int?> ParallelLanes = new("--parallel")
    {
        Description = $"How many templates are analysed at once, each worker with its own compiler process (default: the processor " +
            $"count, at most one per GiB of memory beyond the first; 1 is the sequential run; at most {Core.Engine.Parallelism.Max}). " +
            "The output is the same whatever the number.",
        HelpName = "N",
        Arity = LastWins,
        CustomParser = r => OneOf(r, value =>
                int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Core.Engine.Parallelism.Max ? n : (int?)null,
            value => $"--parallel takes a whole number from 1 to {Core.Engine.Parallelism.Max} (got '{value}')"),
    };

    public static readonly Option<TimeSpan?> RuleTimeout = Seconds("--rule-timeout",
        "How long one rule may run on one file, in seconds, before it is given up with INFRA0005 (default: 30; at most 86400).");

    public static readonly Option<bool> TrustConfigPacks = Flag("--trust-config-packs",
        "Load compiled (.dll) rule packs that an infralint.json in the analysed tree names; without it they are INFRA0003 warnings " +
        "and do not run (the tree may be an untrusted pull request).");

    public static readonly Option<string[]> RulePacks = new("--rule-pack")
    {
        Description = "Also run the rules of a rule pack (a *.infralint-rules.json file or a compiled pack .dll); repeatable " +
            "(docs/rule-packs.md).",
        HelpName = "PATH",
        Validators =
        {
            r =>
            {
                if (r.Tokens.Any(t => t.Value.Length == 0))
                    r.AddError("--rule-pack takes the path of a rule pack (*.infralint-rules.json or .dll)");
            },
        },
    };

    /// <summary><c>--restore</c> true, <c>--no-restore</c> false, neither null; when both are given the last one wins.</summary>
    public static bool? RestoreChoice(ParseResult result) =>
        result.Tokens.LastOrDefault(t => t.Type == TokenType.Option && t.Value is "--restore" or "--no-restore")?.Value switch
        {
            "--restore" => true,
            "--no-restore" => false,
            _ => null,
        };

    /// <summary>Every occurrence of the option must be valid; the last one counts. Null, with the error added, when one is not.</summary>
    private static T? OneOf<T>(ArgumentResult result, Func<string, T?> parse, Func<string, string> error)
        where T : struct
    {
        T? value = null;
        foreach (var token in result.Tokens)
        {
            value = parse(token.Value);
            if (value is null)
                return Invalid<T?>(result, error(token.Value));
        }
        return value;
    }

    private static T Invalid<T>(ArgumentResult result, string error)
    {
        result.AddError(error);
        return default!;
    }

    /// <summary>An option that takes one of a few words; the error lists them.</summary>
    private static Option<T?> Choice<T>(string name, string description, (string Word, T Value)[] choices, string forCommand = "")
        where T : struct
    {
        var words = choices.Select(c => c.Word).ToArray();
        return new(name)
        {
            Description = description,
            HelpName = string.Join('|', words),
            Arity = LastWins,
            CustomParser = r => OneOf<T>(r,
                value => Array.FindIndex(choices, c => c.Word == value) is var i and >= 0 ? choices[i].Value : (T?)null,
                value => $"{name} takes {string.Join(", ", words[..^1])} or {words[^1]}{forCommand} (got '{value}')"),
        };
    }

    private static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.Zero,
    };

    private static Option<string?> Text(string name, string helpName, string description, string whenEmpty, Func<string, string?>? problem = null) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = LastWins,
        CustomParser = r =>
        {
            foreach (var token in r.Tokens)
            {
                if (token.Value.Length == 0)
                    return Invalid<string?>(r, whenEmpty);
                if (problem?.Invoke(token.Value) is { } error)
                    return Invalid<string?>(r, error);
            }
            return r.Tokens[^1].Value;
        },
    };

    private static Option<TimeSpan?> Seconds(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SECONDS",
        Arity = LastWins,
        CustomParser = r => OneOf(r, value =>
                double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0 && seconds <= MaxSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : (TimeSpan?)null,
            _ => $"{name} takes a number of seconds above 0 and at most {MaxSeconds}"),
    };
}
