using InfraLint.Core.Bicep;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Completes finding locations with where the token they point at ends (a key, a quoted key, the
/// <c>resource</c> keyword, a bracket), read from the file itself, so that SARIF regions and editors
/// can underline it. One place for every front end and rule. Bicep files come from the run's <see cref="BicepDocuments"/>.
/// </summary>
/// ARM JSON lines the entries kept while their text was in memory (<see cref="LinesAt"/>) are not read again.
internal sealed class TokenExtents(BicepDocuments documents, IEnumerable<IReadOnlyDictionary<(string Path, int Line), string>> known)
{
    private readonly Dictionary<string, IReadOnlyList<string>?> lines = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Path, int Line), string> knownLines = Merge(known);

    /// <summary>The lines of <paramref name="path"/> (whose content is <paramref name="text"/>) that <paramref name="findings"/>
    /// still need an extent for, split as <see cref="RegularFile.ReadAllLines"/> splits the file.</summary>
    public static Dictionary<(string Path, int Line), string> LinesAt(string path, string text, IReadOnlyList<Finding> findings)
    {
        var wanted = findings.Select(f => f.Location).Where(l => l is { EndColumn: 0 } && l.FilePath == path).Select(l => l!.Line).ToHashSet();
        var result = new Dictionary<(string Path, int Line), string>();
        if (wanted.Count == 0)
            return result;
        using var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            if (wanted.Contains(++number))
                result[(path, number)] = line;
        }
        return result;
    }

    private static Dictionary<(string Path, int Line), string> Merge(IEnumerable<IReadOnlyDictionary<(string Path, int Line), string>> parts)
    {
        var all = new Dictionary<(string Path, int Line), string>();
        foreach (var part in parts)
        {
            foreach (var (key, line) in part)
                all[key] = line;
        }
        return all;
    }

    public Finding Complete(Finding finding)
    {
        if (finding.Location is not { EndColumn: 0 } location || Line(location.FilePath, location.Line) is not { } text)
            return finding;
        var end = TokenEnd(text, location.Column - 1);
        return end > location.Column ? finding with { Location = location with { EndColumn = end } } : finding;
    }

    // 1-based column after the token that starts at the 0-based index `start`.
    internal static int TokenEnd(string text, int start)
    {
        if (start < 0 || start >= text.Length)
            return 0;
        var c = text[start];
        var i = start + 1;
        if (c is '"' or '\'')
        {
            while (i < text.Length && text[i] != c)
                i += text[i] == '\\' ? 2 : 1;
            return Math.Min(i + 1, text.Length) + 1;
        }
        if (char.IsLetterOrDigit(c) || c is '_' or '$' or '@' or '#')
        {
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || (c == '#' && text[i] == '-')))
                i++;
            return i + 1;
        }
        return start + 2; // one character: a bracket or other punctuation
    }

    private string? Line(string path, int line)
    {
        if (knownLines.TryGetValue((path, line), out var knownLine))
            return knownLine;
        if (!lines.TryGetValue(path, out var content))
        {
            if (path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
                content = documents.Find(path)?.Lines;
            else
            {
                try
                {
                    content = File.Exists(path) ? RegularFile.ReadAllLines(path) : null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    content = null;
                }
            }
            lines[path] = content;
        }
        return content is not null && line >= 1 && line <= content.Count ? content[line - 1] : null;
    }
}
