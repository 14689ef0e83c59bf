using System.Text.RegularExpressions;

namespace InfraLint.Core.Inputs;

/// <summary>
/// Text InfraLint passes on from others (the compiler's error messages, exception messages) can quote a value
/// from the template, and so a secret: the compiler types a string literal as itself (<c>Expected a value of type
/// "int" but the provided value is of type "'p@ssw0rd'"</c>). Quoted values are kept only when they are plain words
/// that the file does not contain, such as the allowed values of the expected type; the location still shows where.
/// </summary>
public static partial class QuotedValues
{
    /// <summary>What a hidden value becomes.</summary>
    public const string Hidden = "'***'";

    /// <summary><paramref name="message"/> with every quoted value that may come from <paramref name="source"/> (the file's text, when known) hidden.</summary>
    /// <param name="message">The text to pass on.</param>
    /// <param name="source">The file's text, when known.</param>
    /// <param name="paths">Values that are known to be paths the file names (its module and import paths): kept.</param>
    public static string Redact(string message, string? source, IReadOnlyCollection<string>? paths = null) =>
        Quoted().Replace(message, m => paths?.Contains(m.Groups["value"].Value) == true ||
            PlainWord().IsMatch(m.Groups["value"].Value) && source?.Contains(m.Groups["value"].Value, StringComparison.Ordinal) != true
            ? m.Value : Hidden);

    // A value between single quotes that do not belong to a word (so "can't … doesn't" quotes nothing).
    [GeneratedRegex(@"(?<![\p{L}\p{N}])'(?<value>(?:[^'\\\r\n]|\\.)*)'(?![\p{L}\p{N}])")]
    private static partial Regex Quoted();

    // Enum-like words (SKU names, kinds, API versions): short, with no character a generated secret needs.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]{0,31}$")]
    private static partial Regex PlainWord();
}
