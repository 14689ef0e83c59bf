using System.Globalization;
using System.Text;

namespace InfraLint.Core.Arm;

/// <summary>
/// Parses ARM template expressions such as <c>[format('{0}-kv', parameters('env'))]</c>.
/// Returns null for text that is not an expression or does not parse; callers treat that as unknown.
/// </summary>
internal sealed class ArmExpressionParser
{
    private const int MaxDepth = 200;
    private readonly string text;
    private int pos;
    private int depth;

    private ArmExpressionParser(string text) => this.text = text;

    /// <summary>True for a JSON string that holds an expression: starts with '[' (not '[[') and ends with ']'.</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[1] != '[' && value[^1] == ']';

    /// <summary>The literal a '[[…' string stands for.</summary>
    public static string Unescape(string value) =>
        value.StartsWith("[[", StringComparison.Ordinal) ? value.Substring(1) : value;

    public static ArmExpression? TryParse(string value)
    {
        if (!IsExpression(value))
            return null;
        // The evaluator, the deployment model and the rules parse the same strings of a template many times over;
        // the trees are immutable, so they are shared. Bounded: a run over thousands of files starts afresh.
        if (Parsed.TryGetValue(value, out var known))
            return known;
        if (Parsed.Count >= MaxParsed)
            Parsed.Clear();
        return Parsed[value] = Parse(value);
    }

    private const int MaxParsed = 20_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ArmExpression?> Parsed = new(StringComparer.Ordinal);

    private static ArmExpression? Parse(string value)
    {
        var parser = new ArmExpressionParser(value.Substring(1, value.Length - 2));
        try
        {
            var expression = parser.ParseExpression();
            parser.SkipWhitespace();
            return parser.pos == parser.text.Length ? expression : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private ArmExpression ParseExpression()
    {
        if (++depth > MaxDepth)
            throw new FormatException("expression nested too deeply");
        SkipWhitespace();
        var expression = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (Peek('.'))
            {
                pos++;
                expression = new ArmMember(expression, ReadIdentifier());
            }
            else if (Peek('['))
            {
                pos++;
                var index = ParseExpression();
                Expect(']');
                expression = new ArmIndex(expression, index);
            }
            else
            {
                break;
            }
        }
        depth--;
        return expression;
    }

    private ArmExpression ParsePrimary()
    {
        if (pos >= text.Length)
            throw new FormatException("unexpected end");
        var c = text[pos];
        if (c == '\'')
            return new ArmString(ReadString());
        if (char.IsDigit(c) || c == '-')
            return new ArmNumber(ReadNumber());
        var name = ReadIdentifier();
        SkipWhitespace();
        Expect('(');
        var arguments = new List<ArmExpression>();
        SkipWhitespace();
        if (!Peek(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
            }
            while (TryConsume(','));
        }
        Expect(')');
        return new ArmCall(name, arguments);
    }

    private string ReadString()
    {
        var builder = new StringBuilder();
        pos++; // opening quote
        while (true)
        {
            if (pos >= text.Length)
                throw new FormatException("unterminated string");
            var c = text[pos++];
            if (c != '\'')
            {
                builder.Append(c);
                continue;
            }
            if (pos < text.Length && text[pos] == '\'')
            {
                builder.Append('\'');
                pos++;
                continue;
            }
            return builder.ToString();
        }
    }

    private long ReadNumber()
    {
        var start = pos;
        if (text[pos] == '-')
            pos++;
        while (pos < text.Length && char.IsDigit(text[pos]))
            pos++;
        return long.TryParse(text.AsSpan(start, pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException("bad number");
    }

    private string ReadIdentifier()
    {
        SkipWhitespace();
        var start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] is '_' or '$'))
            pos++;
        return pos > start ? text.Substring(start, pos - start) : throw new FormatException("identifier expected");
    }

    private void SkipWhitespace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            pos++;
    }

    private bool Peek(char c) => pos < text.Length && text[pos] == c;

    private bool TryConsume(char c)
    {
        if (!Peek(c))
            return false;
        pos++;
        return true;
    }

    private void Expect(char c)
    {
        SkipWhitespace();
        if (!TryConsume(c))
            throw new FormatException($"'{c}' expected");
    }
}
