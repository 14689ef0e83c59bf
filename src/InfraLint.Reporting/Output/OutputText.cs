using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace InfraLint.Reporting.Output;

/// <summary>
/// Escapes text a template supplies (resource, setting and file names, messages of packs) for the output it goes
/// to, one function per kind of output. Everything in an analysed pull request may be an attacker's: a name with a
/// line break would forge a finding line, a GitHub workflow command (<c>::error</c>, <c>::stop-commands::</c>) or an
/// Azure Pipelines logging command (<c>##vso[task.setvariable]</c>, which the agent runs wherever it appears in a
/// line), an ESC would drive the terminal, a backtick run would close a Markdown fence.
/// Control characters become a visible <c>\u001B</c>; <c>##vso[</c> and <c>##[</c> become <c>#\u0023vso[</c>, which JSON
/// readers decode back to the original text.
/// </summary>
public static partial class OutputText
{
    /// <summary>A field of one log line: the text format, the MSBuild log, standard error.</summary>
    public static string Line(string text) => NeutraliseCommands(VisibleControls(text));

    /// <summary>A whole log line whose first field is a path: a line never starts with <c>::</c> (a GitHub workflow command).</summary>
    public static string LineStartingWithPath(string displayPath, string rest)
    {
        var path = Line(displayPath);
        var forgeable = path.Length > 0 && (char.IsWhiteSpace(path[0]) || path.StartsWith("::", StringComparison.Ordinal));
        return (forgeable ? "./" + path : path) + rest;
    }

    /// <summary>The data of a GitHub workflow command (after its <c>::</c>): the runner's own escapes (actions/toolkit,
    /// command.ts) for '%', CR and LF, then every other control made visible.</summary>
    public static string GitHubData(string text) =>
        NeutraliseCommands(VisibleControls(text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal)));

    /// <summary>A property value of a GitHub workflow command: also ':' and ',', which would otherwise end the value.</summary>
    public static string GitHubProperty(string text) =>
        GitHubData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>A finished JSON document (json report, SARIF, graph JSON): its serializer already escapes controls; a
    /// <c>#</c> only ever occurs inside strings, where <c>\u0023</c> means the same, so readers see the original text.</summary>
    public static string JsonDocument(string json) => CommandStart().Replace(json, "\\u0023");

    /// <summary>A Mermaid label inside double quotes: Mermaid's entity codes ('#' starts one, so it goes first); a backtick
    /// would start a Markdown string.</summary>
    public static string Mermaid(string text) =>
        VisibleControls(text).Replace("#", "#35;", StringComparison.Ordinal).Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal).Replace("`", "#96;", StringComparison.Ordinal);

    /// <summary><paramref name="content"/> in a fenced code block it cannot close: the fence is longer than any backtick run inside.</summary>
    public static string MarkdownFence(string info, string content)
    {
        var longest = BacktickRun().Matches(content).Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return fence + info + "\n" + NeutraliseCommands(VisibleControls(content, keepLineFeeds: true)) + fence + "\n";
    }

    /// <summary>A DOT quoted string: backslash and quote escaped, a line break a space.</summary>
    public static string Dot(string text) =>
        NeutraliseCommands(VisibleControls(text.Replace("\n", " ", StringComparison.Ordinal)))
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>HTML text or a quoted attribute value. A line break is <c>&amp;#10;</c> (tooltips still break there) and a
    /// logging command's second '#' is <c>&amp;#35;</c>, so that the page printed to standard output in a CI log is inert too.</summary>
    public static string Html(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in VisibleControls(text, keepLineFeeds: true))
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' => "&#10;",
                _ => c.ToString(),
            });
        }
        return CommandStart().Replace(escaped.ToString(), "&#35;");
    }

    /// <summary>Text in a Markdown paragraph or table cell (a pull-request comment): the punctuation that opens a link,
    /// image, emphasis, code span, strikethrough or table cell backslash-escaped, '&amp;', '&lt;' and '&gt;' as entities (no tag,
    /// comment or entity of the text's own), '@' an entity (no one is mentioned), no autolink (<c>https\://</c>, <c>www\.</c>),
    /// controls visible. A CI log that prints it sees no logging command either: their '[' is escaped.</summary>
    public static string Markdown(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in VisibleControls(text))
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '@' => "&#64;",
                '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '|' or '~' or '!' or '#' => "\\" + c,
                _ => c.ToString(),
            });
        }
        return MarkdownAutolink().Replace(escaped.ToString(), m => m.Value[..^1] + "\\" + m.Value[^1]);
    }

    /// <summary>A repository-relative path as a link target: each segment percent-encoded.</summary>
    public static string UrlPath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A help link fit to become a link: an absolute http or https URI, else null (a pack's <c>javascript:</c>
    /// or <c>file:</c> link is dropped, not shown).</summary>
    public static string? WebLink(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" && !HasControl(uri!) ? uri : null;

    /// <summary>C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional overrides
    /// (which make a line read differently from what it holds) as <c>\uXXXX</c>.</summary>
    public static string VisibleControls(string text, bool keepLineFeeds = false)
    {
        if (!HasControl(text, keepLineFeeds))
            return text;
        var visible = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsControl(c) && !(keepLineFeeds && c == '\n'))
                visible.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                visible.Append(c);
        }
        return visible.ToString();
    }

    private static string NeutraliseCommands(string text) => CommandStart().Replace(text, "\\u0023");

    private static bool HasControl(string text, bool keepLineFeeds = false) => text.Any(c => IsControl(c) && !(keepLineFeeds && c == '\n'));

    private static bool IsControl(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    // Azure Pipelines logging commands (##vso[...]) and formatting commands (##[...]); the agent matches them case-insensitively.
    [GeneratedRegex(@"(?<=#)#(?=(?:vso)?\[)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommandStart();

    // The starts of GitHub's extended autolinks: a scheme's "://" and "www.".
    [GeneratedRegex(@"(?<=[A-Za-z]):(?=//)|(?<![A-Za-z0-9])www\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownAutolink();

    [GeneratedRegex("`+")]
    private static partial Regex BacktickRun();
}
