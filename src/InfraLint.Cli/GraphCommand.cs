using System.Globalization;
using InfraLint.Core.Engine;
using InfraLint.Reporting.Diff;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Writers;

namespace InfraLint.Cli;

/// <summary><c>infralint graph</c>: writes the trust graph of an analysis; findings are drawn, not judged.</summary>
internal static class GraphCommand
{
    public static int Write(CliOptions options, AnalysisResult result, IReadOnlyList<ReportedFinding> inputErrors, string workingDirectory)
    {
        // Input errors are reported, and the graph of what could be read is still written.
        foreach (var inputError in inputErrors)
            Console.Error.WriteLine(TextFormatter.Format(inputError.Finding, workingDirectory));
        var graph = TrustGraphBuilder.Build(result.Deployments, result.Findings, SourceRoot.Discover(workingDirectory));
        var text = GraphFormats.Write(graph, options.GraphFormat);
        if (!ReportOutput.Write(options.OutputFile, text))
            return ExitCodes.UsageOrInputError;
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        Console.Error.WriteLine($"infralint: {result.FilesAnalyzed} template(s) analyzed, trust graph of {graph.Nodes.Count} node(s), " +
            $"{graph.Edges.Count} edge(s) and {graph.Findings.Count} finding(s) written in {seconds} s");
        return inputErrors.Count > 0 ? ExitCodes.UsageOrInputError : ExitCodes.Clean;
    }

    /// <summary>
    /// <c>graph --base REF</c>: the head's graph with what changed since REF marked, from the same trust diff
    /// <c>diff --base REF</c> writes (<see cref="RevisionComparison"/>), so the picture and the diff agree.
    /// </summary>
    public static int Compare(CliOptions options) => RevisionComparison.Run(options, compared =>
    {
        var changed = TrustGraphComparison.Compare(compared.Before.Graph, compared.After.Graph, compared.Diff);
        if (!ReportOutput.Write(options.OutputFile, GraphFormats.Write(changed, options.GraphFormat)))
            return ExitCodes.UsageOrInputError;
        Console.Error.WriteLine($"infralint: trust graph of {changed.Graph.Nodes.Count} node(s) and {changed.Graph.Edges.Count} edge(s) written, " +
            $"{OutputText.Line(options.BaseRef!)} → {OutputText.Line(compared.Head)}: {changed.Count(GraphChange.Added)} added, " +
            $"{changed.Count(GraphChange.Removed)} removed, {changed.Count(GraphChange.Widened)} widened, {changed.Count(GraphChange.Narrowed)} narrowed");
        return ExitCodes.Clean;
    });
}
