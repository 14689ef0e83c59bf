using System.Globalization;
using InfraLint.Core.Config;
using InfraLint.Core.Engine;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Writers;
using InfraLint.Rules;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary><c>check</c>, <c>baseline create</c> and <c>graph</c>: one analysis of the paths, then a report, a baseline or a drawing.</summary>
internal static class AnalysisCommand
{
    public static int Run(CliOptions options)
    {
        // With --policy-from, the gate's own configuration and baseline come from that revision (docs/ci.md).
        PolicyFiles? policyFrom = null;
        if (options.PolicyFrom is { } reference)
        {
            (policyFrom, var problem) = PolicyFiles.AtRevision(options.Paths[0], reference);
            if (policyFrom is null)
            {
                Console.Error.WriteLine("infralint: error: " + OutputText.Line(problem!));
                return ExitCodes.UsageOrInputError;
            }
        }

        // A bad baseline is a configuration error: say so before spending a minute on compiling.
        SarifBaseline? baseline = null;
        if (options.BaselineFile is { } baselineFile)
        {
            try
            {
                if (policyFrom is null)
                    baseline = SarifBaseline.Load(baselineFile);
                else if (policyFrom.Read(Path.GetFullPath(baselineFile)) is { } baseText)
                    baseline = SarifBaseline.Parse(baseText, $"{options.PolicyFrom}:{baselineFile}");
                else
                    Console.Error.WriteLine($"infralint: {OutputText.Line(baselineFile)} is not in {OutputText.Line(options.PolicyFrom!)}: every finding counts as new");
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine("infralint: error: " + e.Message);
                return ExitCodes.UsageOrInputError;
            }
        }

        var files = InputDiscovery.Expand(options.Paths, out var missing);
        foreach (var path in missing)
            Console.Error.WriteLine($"infralint: error: '{path}' does not exist");
        if (missing.Count > 0)
            return ExitCodes.UsageOrInputError;

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop cleanly: the engine kills the compiler on the way out
            cancel.Cancel();
        };

        var analysis = Options(options, options.Paths, policyFrom, collectDeployments: options.Command == CliCommand.Graph);
        var allFiles = files;
        if (options.Shard is var (shardIndex, shardCount))
            files = Sharding.Select(files, analysis.DeclaredDeployments, shardIndex, shardCount, analysis.ReadRoots);
        AnalysisResult result;
        try
        {
            result = InfraLintEngine.Run(analysis, files, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("infralint: cancelled");
            return ExitCodes.UsageOrInputError;
        }

        var workingDirectory = Directory.GetCurrentDirectory();
        var report = RunReport.Create(result, workingDirectory, workingDirectory, baseline);
        if (options.Shard is var (index, count))
        {
            report = report with
            {
                Shard = new ShardCoverage(index, count, files.Count, allFiles.Count,
                    Sharding.InputsDigest(allFiles, report.Root.Directory), result.ConfigurationFiles),
            };
        }
        // InfraLint's own errors (a template it could not read, no compiler) are input errors whatever the fail level.
        var inputErrors = report.Reported.Where(f => f.Finding.Severity == Severity.Error && f.Finding.Descriptor.Category == RuleCategory.Tooling).ToList();

        if (options.Command == CliCommand.Graph)
            return GraphCommand.Write(options, result, inputErrors, workingDirectory);

        if (options.Command == CliCommand.BaselineCreate)
        {
            // A baseline of a run that could not read every template would turn that template's findings "new" later.
            if (inputErrors.Count > 0)
            {
                foreach (var inputError in inputErrors)
                    Console.Error.WriteLine(TextFormatter.Format(inputError.Finding, workingDirectory));
                Console.Error.WriteLine($"infralint: the baseline was not written: {inputErrors.Count} input error(s)");
                return ExitCodes.UsageOrInputError;
            }
            if (!ReportOutput.Write(options.OutputFile!, ReportWriters.For(ReportFormat.Sarif, null).Write(report)))
                return ExitCodes.UsageOrInputError;
            var written = report.Findings.Count(f => f.Finding.Descriptor.Category != RuleCategory.Tooling);
            Console.Error.WriteLine($"infralint: {result.FilesAnalyzed} template(s) analyzed, baseline of {written} finding(s) written to {options.OutputFile} in {Seconds(result.Elapsed)} s");
            return ExitCodes.Clean;
        }

        if (!ReportOutput.Write(options.OutputFile, ReportWriters.For(options.Format, baseline).Write(report)))
            return ExitCodes.UsageOrInputError;

        var shown = report.Reported.Where(f => f.Finding.Severity > Severity.Silent).ToList();
        var summary = $"infralint: {result.FilesAnalyzed} template(s) analyzed, {shown.Count(f => f.Finding.Severity == Severity.Error)} error(s), " +
            $"{shown.Count(f => f.Finding.Severity == Severity.Warning)} warning(s), {shown.Count(f => f.Finding.Severity == Severity.Suggestion)} note(s)";
        if (baseline is not null)
            summary += $", {report.Findings.Count(f => f.BaselineState == BaselineState.Unchanged)} baselined finding(s) not shown";
        Console.Error.WriteLine($"{summary} in {Seconds(result.Elapsed)} s");

        // --fail-on-tool-errors false: the input errors are still in the report, but only findings decide the exit code.
        if (inputErrors.Count > 0 && options.FailOnToolErrors)
            return ExitCodes.UsageOrInputError;
        return options.FailLevel is { } failLevel && report.Reported.Except(inputErrors).Any(f => f.Finding.Severity >= failLevel) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>The analysis of <paramref name="paths"/> with the command line's options (<c>diff</c> analyses two trees with the same ones).</summary>
    internal static AnalysisOptions Options(CliOptions options, IReadOnlyList<string> paths, PolicyFiles? policyFrom, bool collectDeployments) => new()
    {
        Rules = BuiltInRules.All,
        BicepPath = options.BicepPath,
        RestoreModules = options.RestoreModules,
        AnalyzeGeneratedTemplates = options.IncludeGenerated,
        CompileTimeout = options.CompileTimeout,
        ConfigFile = options.ConfigFile,
        RulePacks = options.RulePacks,
        PolicyFrom = policyFrom,
        BaselineFile = options.BaselineFile,
        CollectDeployments = collectDeployments,
        RuleTimeout = options.RuleTimeout,
        Parallelism = options.Parallel ?? Parallelism.Default,
        LoadConfiguredCompiledPacks = options.TrustConfigPacks,
        // The analysed tree may be a pull request's: templates read nothing outside each analysed path's repository root.
        ReadRoots = paths.Select(p => Path.GetFullPath(p)).Select(p => SourceRoot.Discover(File.Exists(p) ? Path.GetDirectoryName(p)! : p).Directory).ToList(),
        DeclaredDeployments = DeploymentsCommand.Discover(paths, options.ConfigFile),
    };

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
