using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>Reads template strings as written: loop bodies and the string literals of an expression.</summary>
internal static class ArmStrings
{
    /// <summary>
    /// A literal, or an expression and its literals. A trailing space after the closing bracket still makes an
    /// expression here, and the literals are read by quotes alone, so a string the parser rejects still shows them
    /// (a credential pasted into a broken expression is still there).
    /// </summary>
    public static WrittenString Read(string text) =>
        text.Length >= 2 && text[0] == '[' && text[1] != '[' && text.TrimEnd()[^1] == ']'
            ? new WrittenString(true, null, LiteralsOf(text))
            : new WrittenString(false, ArmExpressionParser.Unescape(text), []);

    /// <summary>True when <paramref name="item"/> is a loop body: it reads <c>copyIndex()</c>.</summary>
    public static bool IsLoopBody(JToken item) =>
        (item is JContainer container ? container.DescendantsAndSelf() : [item]).OfType<JValue>()
            .Any(v => v.Type == JTokenType.String && ((string)v!).Contains("copyIndex(", StringComparison.OrdinalIgnoreCase));

    private static List<string> LiteralsOf(string expression)
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
