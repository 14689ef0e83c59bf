using System.Globalization;
using InfraLint.Core.Config;
using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Diff;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Writers;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>
/// <c>infralint diff --base REF [path...]</c>: analyses the paths in the working tree and at REF (its files written to a
/// temporary folder from git's objects, removed afterwards), builds both trust snapshots and writes what changed.
/// </summary>
internal static class DiffCommand
{
    public static int Run(CliOptions options)
    {
        var (repository, problem) = GitRevisionTree.RepositoryOf(options.Paths[0]);
        if (repository is null)
            return Error(problem!);
        foreach (var path in options.Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
                return Error($"'{path}' does not exist");
            if (GitRevisionTree.RepositoryOf(path).Root != repository)
                return Error($"'{path}' is not in the repository of '{options.Paths[0]}'; diff compares paths of one repository");
        }
        var (commit, refProblem) = GitRevisionTree.Resolve(repository, options.BaseRef!);
        if (commit is null)
            return Error(refProblem!);

        PolicyFiles? policyFrom = null;
        if (options.PolicyFrom is { } policyReference)
        {
            (policyFrom, var policyProblem) = PolicyFiles.AtRevision(options.Paths[0], policyReference);
            if (policyFrom is null)
                return Error(policyProblem!);
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop cleanly: the engine kills the compiler and the temporary tree is removed on the way out
            cancel.Cancel();
        };

        var head = GitRevisionTree.CleanHead(repository, options.Paths) ?? "working tree";
        GitRevisionTree baseTree;
        try
        {
            baseTree = GitRevisionTree.Materialise(repository, commit);
        }
        catch (IOException e)
        {
            return Error($"--base: the files of '{options.BaseRef}' could not be read: {e.Message}");
        }
        using (baseTree)
        {
            try
            {
                // A path the base does not have yet (a new folder) has nothing to compare in the base.
                var basePaths = options.Paths.Select(baseTree.Map).OfType<string>().Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
                var before = Snapshot(options, basePaths, policyFrom, new SourceRoot(baseTree.Directory), "base", cancel.Token, out var baseErrors);
                var after = Snapshot(options, options.Paths, policyFrom, new SourceRoot(repository), "head", cancel.Token, out var headErrors);
                var diff = TrustDiff.Compare(options.BaseRef!, head, before, after);
                var text = options.Format switch
                {
                    ReportFormat.Json => DiffJsonWriter.Write(diff),
                    ReportFormat.Markdown => DiffMarkdownWriter.Write(diff),
                    ReportFormat.Sarif => DiffSarifWriter.Write(diff, new SourceRoot(repository),
                        ConfiguredSeverity.Of(ToolDiagnostics.TrustWidened.Id, options.Paths[0], options.ConfigFile, policyFrom) ?? ToolDiagnostics.TrustWidened.DefaultSeverity),
                    _ => DiffTextWriter.Write(diff),
                };
                if (!ReportOutput.Write(options.OutputFile, text))
                    return ExitCodes.UsageOrInputError;
                Console.Error.WriteLine($"infralint: {OutputText.Line(options.BaseRef!)} → {OutputText.Line(head)}: {diff.Count(TrustDiff.WideningGroup)} widening, " +
                    $"{diff.Count(TrustDiff.Narrowing)} narrowing, {diff.Count(TrustDiff.Neutral)} neutral change(s)");
                // A side that could not be read fully may hide a change: the diff is written, and the run fails closed.
                if (baseErrors + headErrors > 0)
                    return ExitCodes.UsageOrInputError;
                return options.FailOnWidening && diff.WidensTrust ? ExitCodes.Findings : ExitCodes.Clean;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("infralint: cancelled");
                return ExitCodes.UsageOrInputError;
            }
        }
    }

    private static TrustSnapshot Snapshot(CliOptions options, IReadOnlyList<string> paths, PolicyFiles? policyFrom, SourceRoot root, string side,
        CancellationToken cancel, out int inputErrors)
    {
        inputErrors = 0;
        if (paths.Count == 0)
            return TrustSnapshot.Empty;
        var files = InputDiscovery.Expand(paths, out _);
        var result = InfraLintEngine.Run(AnalysisCommand.Options(options, paths, policyFrom, collectDeployments: true), files, cancel);
        foreach (var error in result.Findings.Where(f => f.Severity == Severity.Error && f.Descriptor.Category == RuleCategory.Tooling))
        {
            inputErrors++;
            var location = error.Location is { } l ? $"{root.Display(l.FilePath)}({l.Line.ToString(CultureInfo.InvariantCulture)},{l.Column.ToString(CultureInfo.InvariantCulture)}): " : "";
            Console.Error.WriteLine(OutputText.LineStartingWithPath($"{side}:{location}", $"error {error.Id}: {OutputText.Line(error.Message)}"));
        }
        var graph = TrustGraphBuilder.Build(result.Deployments, result.Findings, root);
        return TrustSnapshot.Of(graph, result.Findings, root);
    }

    private static int Error(string message)
    {
        Console.Error.WriteLine("infralint: error: " + OutputText.Line(message));
        return ExitCodes.UsageOrInputError;
    }
}
