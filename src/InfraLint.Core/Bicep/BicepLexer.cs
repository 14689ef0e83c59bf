using System.Text;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Splits Bicep source into tokens with 1-based line/column positions. It is tolerant: the
/// compiler has already judged the file, so anything unexpected becomes a symbol and parsing goes on.
/// </summary>
internal sealed class BicepLexer
{
    private static readonly string[] Symbols =
        ["...", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "::", ".?", "=~", "!~", "{", "}", "[", "]", "(", ")", ":", ",", ".", "?", "!", "=", "<", ">", "+", "-", "*", "/", "%", "@", "|", "&"];

    private readonly string text;
    private readonly List<BicepToken> tokens = new();
    private int pos;
    private int line = 1;
    private int lineStart;

    private BicepLexer(string text) => this.text = text;

    public static IReadOnlyList<BicepToken> Tokenize(string text)
    {
        var lexer = new BicepLexer(text);
        lexer.Run();
        return lexer.tokens;
    }

    private int Column => pos - lineStart + 1;

    private void Run()
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
            pos = lineStart = 1;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '\n' || c == '\r')
            {
                Add(BicepTokenKind.NewLine, "\n", line, Column);
                NewLine();
            }
            else if (c is ' ' or '\t' or '\uFEFF')
            {
                pos++;
            }
            else if ((c == '/' && Next(1) == '/') || c == '#')
            {
                // Comments, and pragmas such as #disable-next-line, run to the end of the line.
                while (pos < text.Length && text[pos] is not ('\n' or '\r'))
                    pos++;
            }
            else if (c == '/' && Next(1) == '*')
            {
                SkipBlockComment();
            }
            else if (c == '\'' || (c == '$' && IsMultilineStart()))
            {
                ReadString();
            }
            else if (char.IsDigit(c))
            {
                var start = pos;
                var column = Column;
                while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.'))
                    pos++;
                Add(BicepTokenKind.Number, text[start..pos], line, column);
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = pos;
                var column = Column;
                while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
                    pos++;
                Add(BicepTokenKind.Identifier, text[start..pos], line, column);
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, pos, s, 0, s.Length) == 0) ?? c.ToString();
                Add(BicepTokenKind.Symbol, symbol, line, Column);
                pos += symbol.Length;
            }
        }
        Add(BicepTokenKind.EndOfFile, string.Empty, line, Column);
    }

    private char Next(int offset) => pos + offset < text.Length ? text[pos + offset] : '\0';

    private void Add(BicepTokenKind kind, string value, int tokenLine, int column, bool interpolated = false) =>
        tokens.Add(new BicepToken(kind, value, tokenLine, column, interpolated));

    private void NewLine()
    {
        if (text[pos] == '\r' && Next(1) == '\n')
            pos++;
        pos++;
        line++;
        lineStart = pos;
    }

    private void SkipBlockComment()
    {
        pos += 2;
        while (pos < text.Length && !(text[pos] == '*' && Next(1) == '/'))
        {
            if (text[pos] is '\n' or '\r')
                NewLine();
            else
                pos++;
        }
        pos = Math.Min(text.Length, pos + 2);
    }

    private bool IsMultilineStart()
    {
        var i = pos;
        while (i < text.Length && text[i] == '$')
            i++;
        return string.CompareOrdinal(text, i, "'''", 0, 3) == 0;
    }

    private void ReadString()
    {
        var startLine = line;
        var startColumn = Column;
        var dollars = 0;
        while (text[pos] == '$')
        {
            dollars++;
            pos++;
        }
        if (string.CompareOrdinal(text, pos, "'''", 0, 3) == 0)
        {
            pos += 3;
            var start = pos;
            while (pos < text.Length && string.CompareOrdinal(text, pos, "'''", 0, 3) != 0)
            {
                if (text[pos] is '\n' or '\r')
                    NewLine();
                else
                    pos++;
            }
            var value = text[start..Math.Min(pos, text.Length)];
            pos = Math.Min(text.Length, pos + 3);
            Add(BicepTokenKind.MultilineString, value, startLine, startColumn, dollars > 0 && value.Contains("${", StringComparison.Ordinal));
            return;
        }

        pos++; // opening quote
        var opened = pos;
        var builder = new StringBuilder();
        var interpolated = false;
        while (pos < text.Length && text[pos] != '\'' && text[pos] is not ('\n' or '\r'))
        {
            var c = text[pos];
            if (c == '\\' && pos + 1 < text.Length)
            {
                builder.Append(Escape(text[pos + 1]));
                pos += 2;
            }
            else if (c == '$' && Next(1) == '{')
            {
                interpolated = true;
                pos += 2;
                SkipInterpolation();
            }
            else
            {
                builder.Append(c);
                pos++;
            }
        }
        pos = Math.Min(pos, text.Length); // an unterminated interpolation runs to the end of the text
        var written = text[opened..pos];
        if (pos < text.Length && text[pos] == '\'')
            pos++;
        tokens.Add(new BicepToken(BicepTokenKind.String, builder.ToString(), startLine, startColumn, interpolated) { Written = interpolated ? written : null });
    }

    private static char Escape(char c) => c switch
    {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => c,
    };

    // Skips `expr}` of an interpolation, including nested strings and braces.
    private void SkipInterpolation()
    {
        var depth = 1;
        while (pos < text.Length && depth > 0)
        {
            var c = text[pos];
            if (c == '\'')
            {
                pos++;
                while (pos < text.Length && text[pos] != '\'' && text[pos] is not ('\n' or '\r'))
                {
                    if (text[pos] == '\\')
                        pos++;
                    else if (text[pos] == '$' && Next(1) == '{')
                    {
                        pos += 2;
                        SkipInterpolation();
                        continue;
                    }
                    pos++;
                }
                pos++;
                continue;
            }
            if (c is '\n' or '\r')
            {
                NewLine();
                continue;
            }
            if (c == '{')
                depth++;
            else if (c == '}')
                depth--;
            pos++;
        }
    }
}
