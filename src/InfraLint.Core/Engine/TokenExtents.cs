using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Completes finding locations with where the token they point at ends (a key, a quoted key, the
/// <c>resource</c> keyword, a bracket), read from the file itself, so that SARIF regions and editors
/// can underline it. One place for every front end and rule.
/// </summary>
internal sealed class TokenExtents
{
    private readonly Dictionary<string, string[]?> lines = new(StringComparer.Ordinal);

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
        if (!lines.TryGetValue(path, out var content))
        {
            try
            {
                content = File.Exists(path) && new FileInfo(path).Length < 64 * 1024 * 1024 ? RegularFile.ReadAllLines(path) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                content = null;
            }
            lines[path] = content;
        }
        return content is not null && line >= 1 && line <= content.Length ? content[line - 1] : null;
    }
}
