using System.Globalization;
using InfraLint.Core.Config;
using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Diff;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>
/// What <c>diff --base REF</c> and <c>graph --base REF</c> share: the paths analysed in the working tree and at REF (its
/// files written to a temporary folder from git's objects, removed afterwards; the checkout is never changed), both trust
/// graphs and snapshots, and the trust diff between them. Exit codes as diff's: 2 for a path or revision that cannot be
/// used, and, after the output is written, for a side that could not be read fully (it may hide a change).
/// </summary>
internal static class RevisionComparison
{
    /// <summary>Compares the revisions and hands them to <paramref name="write"/>, whose exit code stands unless a side had input errors.</summary>
    public static int Run(CliOptions options, Func<ComparedRevisions, int> write)
    {
        var (repository, problem) = GitRevisionTree.RepositoryOf(options.Paths[0]);
        if (repository is null)
            return Error(problem!);
        foreach (var path in options.Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
                return Error($"'{path}' does not exist");
            if (GitRevisionTree.RepositoryOf(path).Root != repository)
                return Error($"'{path}' is not in the repository of '{options.Paths[0]}'; --base compares paths of one repository");
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
                var before = Analyse(options, basePaths, policyFrom, new SourceRoot(baseTree.Directory), "base", cancel.Token, out var baseErrors);
                var after = Analyse(options, options.Paths, policyFrom, new SourceRoot(repository), "head", cancel.Token, out var headErrors);
                var diff = TrustDiff.Compare(options.BaseRef!, head, before.Snapshot, after.Snapshot);
                var exitCode = write(new ComparedRevisions(repository, head, before, after, diff, policyFrom));
                // A side that could not be read fully may hide a change: the output is written, and the run fails closed.
                return baseErrors + headErrors > 0 ? ExitCodes.UsageOrInputError : exitCode;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("infralint: cancelled");
                return ExitCodes.UsageOrInputError;
            }
        }
    }

    private static RevisionAnalysis Analyse(CliOptions options, IReadOnlyList<string> paths, PolicyFiles? policyFrom, SourceRoot root, string side,
        CancellationToken cancel, out int inputErrors)
    {
        inputErrors = 0;
        if (paths.Count == 0)
            return new RevisionAnalysis(new TrustGraph([], []), TrustSnapshot.Empty);
        var files = InputDiscovery.Expand(paths, out _);
        var result = InfraLintEngine.Run(AnalysisCommand.Options(options, paths, policyFrom, collectDeployments: true), files, cancel);
        foreach (var error in result.Findings.Where(f => f.Severity == Severity.Error && f.Descriptor.Category == RuleCategory.Tooling))
        {
            inputErrors++;
            var location = error.Location is { } l ? $"{root.Display(l.FilePath)}({l.Line.ToString(CultureInfo.InvariantCulture)},{l.Column.ToString(CultureInfo.InvariantCulture)}): " : "";
            Console.Error.WriteLine(OutputText.LineStartingWithPath($"{side}:{location}", $"error {error.Id}: {OutputText.Line(error.Message)}"));
        }
        var graph = TrustGraphBuilder.Build(result.Deployments, result.Findings, root);
        return new RevisionAnalysis(graph, TrustSnapshot.Of(graph, result.Findings, root));
    }

    private static int Error(string message)
    {
        Console.Error.WriteLine("infralint: error: " + OutputText.Line(message));
        return ExitCodes.UsageOrInputError;
    }
}

/// <summary>One side of a comparison: its trust graph and the snapshot the diff compares.</summary>
internal sealed record RevisionAnalysis(TrustGraph Graph, TrustSnapshot Snapshot);

/// <summary>Both sides of a comparison and their trust diff.</summary>
/// <param name="Repository">The repository root (head paths are shown relative to it).</param>
/// <param name="Head">The head's name: the working tree, or HEAD's commit when the analysed paths are clean.</param>
internal sealed record ComparedRevisions(string Repository, string Head, RevisionAnalysis Before, RevisionAnalysis After, TrustDiff Diff, PolicyFiles? PolicyFrom);
