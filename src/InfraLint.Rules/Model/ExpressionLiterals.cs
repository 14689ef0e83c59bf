namespace InfraLint.Rules.Model;

/// <summary>Reads the string literals an ARM template expression writes (<c>'…'</c>, with <c>''</c> for a quote).</summary>
internal static class ExpressionLiterals
{
    /// <summary>True for <c>[…]</c> strings, which ARM evaluates; <c>[[…</c> is an escaped literal.</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[1] != '[' && text.TrimEnd()[^1] == ']';

    /// <summary>The literal text of a string that is not an expression (<c>[[x</c> stands for <c>[x</c>).</summary>
    public static string Unescape(string text) => text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;

    /// <summary>The string literals inside the expression <paramref name="expression"/>.</summary>
    public static IEnumerable<string> Of(string expression)
    {
        var literals = new List<string>();
        var i = 0;
        while (i < expression.Length)
        {
            if (expression[i] != '\'')
            {
                i++;
                continue;
            }
            var builder = new System.Text.StringBuilder();
            i++;
            while (i < expression.Length)
            {
                if (expression[i] == '\'')
                {
                    if (i + 1 < expression.Length && expression[i + 1] == '\'')
                    {
                        builder.Append('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                builder.Append(expression[i++]);
            }
            i++; // the closing quote
            literals.Add(builder.ToString());
        }
        return literals;
    }
}
