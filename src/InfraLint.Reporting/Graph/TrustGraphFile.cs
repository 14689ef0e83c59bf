using InfraLint.Core.Engine;
using InfraLint.Reporting.Output;

namespace InfraLint.Reporting.Graph;

/// <summary>Writes the trust graph of an analysis to a file whose extension names the format (the MSBuild option <c>InfraLintGraphFile</c>).</summary>
public static class TrustGraphFile
{
    /// <summary>Why <paramref name="path"/> cannot hold a graph, or null when its extension names a format.</summary>
    public static string? Problem(string path) =>
        GraphFormats.FromExtension(path) is null
            ? $"the trust graph file '{path}' must end in .html, .htm, .mmd, .md, .dot, .gv or .json"
            : null;

    /// <summary>Writes the graph unless the file already holds exactly that text; returns whether it wrote.</summary>
    public static bool Write(string path, AnalysisResult result, SourceRoot root)
    {
        var format = GraphFormats.FromExtension(path) ?? throw new InvalidDataException(Problem(path));
        var graph = TrustGraphBuilder.Build(result.Deployments, result.Findings, root);
        return ReportFile.WriteIfChanged(path, GraphFormats.Write(graph, format));
    }
}
