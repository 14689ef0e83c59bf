using System.Text.RegularExpressions;

namespace InfraLint.Core.Bicep;

/// <summary>
/// One Bicep file as read once in a run (<see cref="BicepDocuments"/>): its text, tokens, syntax, lines and
/// suppression pragmas. Every consumer (the front end, stand-ins, compile-time read checks, redaction, suppressions,
/// token extents) takes it from here instead of reading and lexing the file again.
/// </summary>
internal sealed partial class BicepSource
{
    private string[]? lines;
    private IReadOnlyList<BicepPragma>? pragmas;

    public BicepSource(string path, string text)
    {
        Path = path;
        Text = text;
        Tokens = BicepLexer.Tokenize(text);
        Syntax = BicepParser.Parse(Tokens);
    }

    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<BicepToken> Tokens { get; }

    /// <summary>The declarations and values of the file.</summary>
    public BicepDocument Syntax { get; }

    /// <summary>The lines of the text, split as <see cref="File.ReadAllLines(string)"/> splits them.</summary>
    public IReadOnlyList<string> Lines => lines ??= Split(Text);

    /// <summary>
    /// The suppression pragmas of the file, in line order: the compiler's own <c>#disable-next-line ID … // reason</c>
    /// and <c>// infralint-disable-next-line ID: reason</c>. Every id written is kept (Bicep linter codes too); which
    /// ones InfraLint knows is decided where findings are matched.
    /// </summary>
    public IReadOnlyList<BicepPragma> Pragmas => pragmas ??= FindPragmas(Lines);

    [GeneratedRegex(@"^\s*#disable-next-line\s+(?<ids>[^/]*?)\s*(?://\s*(?<why>.*?))?\s*$")]
    private static partial Regex BicepDirective();

    [GeneratedRegex(@"//\s*infralint-disable-next-line\s+(?<ids>[A-Za-z0-9_, ]+?)\s*(?::\s*(?<why>.*?))?\s*$")]
    private static partial Regex InfraLintDirective();

    private static List<BicepPragma> FindPragmas(IReadOnlyList<string> lines)
    {
        var found = new List<BicepPragma>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.Contains("disable-next-line", StringComparison.Ordinal))
                continue;
            var match = BicepDirective().Match(line);
            if (!match.Success)
                match = InfraLintDirective().Match(line);
            if (!match.Success)
                continue;
            var ids = match.Groups["ids"].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (ids.Length == 0)
                continue;
            var why = match.Groups["why"].Success && match.Groups["why"].Value.Trim().Length > 0 ? match.Groups["why"].Value.Trim() : null;
            found.Add(new BicepPragma(i + 1, line.Length - line.TrimStart().Length + 1, ids, why));
        }
        return found;
    }

    private static string[] Split(string text)
    {
        var result = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
            result.Add(line);
        return result.ToArray();
    }
}

/// <summary>A suppression pragma on a 1-based line: the ids it names and the reason given, if any.</summary>
internal sealed record BicepPragma(int Line, int Column, IReadOnlyList<string> Ids, string? Justification);
