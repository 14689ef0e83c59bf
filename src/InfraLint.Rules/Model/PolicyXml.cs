using System.Xml;
using System.Xml.Linq;

namespace InfraLint.Rules.Model;

/// <summary>
/// Reads an API Management policy document. Policies are XML, except that policy expressions
/// (<c>@(…)</c>, <c>@{…}</c>) are C# and may hold quotes, <c>&lt;</c> and <c>&amp;&amp;</c> that XML does not
/// allow where they stand; <c>{{named-value}}</c> is plain text to XML.
/// </summary>
internal static class PolicyXml
{
    /// <summary>The policy document, with line information; null when it is not XML even with its expressions blanked out.</summary>
    public static XDocument? Parse(string text)
    {
        try
        {
            return XDocument.Parse(BlankExpressions(text), LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Every element named one of <paramref name="names"/> (case-insensitive, as APIM reads policy names).</summary>
    public static IEnumerable<XElement> Elements(XDocument document, params string[] names) =>
        document.Descendants().Where(e => names.Contains(e.Name.LocalName, StringComparer.OrdinalIgnoreCase));

    /// <summary>The value of attribute <paramref name="name"/>, or null.</summary>
    public static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>
    /// True when the policy's <c>inbound</c> section runs the enclosing scope's policies (<c>&lt;base /&gt;</c>),
    /// or has no inbound section to replace them with.
    /// </summary>
    public static bool InheritsInbound(XDocument document)
    {
        var inbound = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName.Equals("inbound", StringComparison.OrdinalIgnoreCase));
        return inbound is null || inbound.Descendants().Any(e => e.Name.LocalName.Equals("base", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>1-based line and column of the element's <c>&lt;</c>, and the column just after its name.</summary>
    public static (int Line, int Column, int EndColumn) Position(XElement element)
    {
        var info = (IXmlLineInfo)element;
        // LinePosition points at the name, one past the '<'.
        return (info.LineNumber, Math.Max(1, info.LinePosition - 1), info.LinePosition + element.Name.LocalName.Length);
    }

    // Replaces the inside of every @(…) and @{…} with spaces (line breaks kept), so positions do not move.
    internal static string BlankExpressions(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            if (chars[i] != '@' || chars[i + 1] is not ('(' or '{'))
                continue;
            var end = ClosingBracket(text, i + 1);
            if (end < 0)
                return text; // unbalanced: leave it to the XML parser to judge
            for (var j = i + 2; j < end; j++)
            {
                if (chars[j] is not ('\n' or '\r'))
                    chars[j] = ' ';
            }
            i = end;
        }
        return new string(chars);
    }

    // The index of the bracket that closes the one at `open`, skipping C# string and character literals.
    private static int ClosingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '{' or '[':
                    depth++;
                    break;
                case ')' or '}' or ']':
                    if (--depth == 0)
                        return i;
                    break;
                case '"' or '\'':
                    i = LiteralEnd(text, i);
                    if (i < 0)
                        return -1;
                    break;
            }
        }
        return -1;
    }

    private static int LiteralEnd(string text, int start)
    {
        var quote = text[start];
        var verbatim = quote == '"' && start > 0 && text[start - 1] == '@';
        for (var i = start + 1; i < text.Length; i++)
        {
            if (!verbatim && text[i] == '\\')
            {
                i++;
                continue;
            }
            if (text[i] != quote)
                continue;
            if (verbatim && i + 1 < text.Length && text[i + 1] == '"')
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
