namespace InfraLint.Reporting.Graph;

/// <summary>How the trust graph is written.</summary>
public enum GraphFormat
{
    /// <summary>One self-contained HTML page: a layered SVG, legend, environment filters, search, finding badges with links.</summary>
    Html,

    /// <summary>A Mermaid flowchart for pull-request comments and Markdown.</summary>
    Mermaid,

    /// <summary>A Mermaid flowchart in a <c>```mermaid</c> fence: a Markdown file that renders where Markdown does.</summary>
    Markdown,

    /// <summary>Graphviz DOT.</summary>
    Dot,

    /// <summary>JSON for scripts (docs/graph.md).</summary>
    Json,
}

/// <summary>Format names and file extensions.</summary>
public static class GraphFormats
{
    /// <summary>The format of a <c>--format</c> value: <c>html</c>, <c>mermaid</c>, <c>markdown</c>, <c>dot</c> or <c>json</c>.</summary>
    public static GraphFormat? Parse(string? name) => name switch
    {
        "html" => GraphFormat.Html,
        "mermaid" => GraphFormat.Mermaid,
        "markdown" => GraphFormat.Markdown,
        "dot" => GraphFormat.Dot,
        "json" => GraphFormat.Json,
        _ => null,
    };

    /// <summary>The format a file name asks for: <c>.html</c>/<c>.htm</c>, <c>.mmd</c>, <c>.md</c>, <c>.dot</c>/<c>.gv</c>, <c>.json</c>; null for anything else.</summary>
    public static GraphFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => GraphFormat.Html,
        ".mmd" or ".mermaid" => GraphFormat.Mermaid,
        ".md" => GraphFormat.Markdown,
        ".dot" or ".gv" => GraphFormat.Dot,
        ".json" => GraphFormat.Json,
        _ => null,
    };

    /// <summary>Writes <paramref name="graph"/> in <paramref name="format"/>.</summary>
    public static string Write(TrustGraph graph, GraphFormat format) => format switch
    {
        GraphFormat.Html => HtmlGraphWriter.Write(graph),
        GraphFormat.Mermaid => MermaidGraphWriter.Write(graph),
        GraphFormat.Markdown => Output.OutputText.MarkdownFence("mermaid", MermaidGraphWriter.Write(graph)),
        GraphFormat.Dot => DotGraphWriter.Write(graph),
        _ => JsonGraphWriter.Write(graph),
    };

    /// <summary>Whether <c>graph --base</c> can draw <paramref name="format"/>: HTML, Mermaid and Markdown show changes; DOT and JSON do not.</summary>
    public static bool ShowsChanges(GraphFormat format) => format is GraphFormat.Html or GraphFormat.Mermaid or GraphFormat.Markdown;

    /// <summary>Writes the graph of <c>graph --base</c> in <paramref name="format"/> (one <see cref="ShowsChanges"/> accepts).</summary>
    public static string Write(ChangedTrustGraph changed, GraphFormat format) => format switch
    {
        GraphFormat.Html => HtmlGraphWriter.Write(changed),
        GraphFormat.Mermaid => MermaidGraphWriter.Write(changed),
        GraphFormat.Markdown => Output.OutputText.MarkdownFence("mermaid", MermaidGraphWriter.Write(changed)),
        _ => throw new ArgumentException($"graph --base does not draw {format}", nameof(format)),
    };
}
