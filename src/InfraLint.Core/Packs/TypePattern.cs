using System.Text.RegularExpressions;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Packs;

/// <summary>
/// A resource type with wildcards, compared as ARM compares types (case-insensitive): <c>*</c> stands for
/// any text within one segment (<c>Microsoft.Web/*</c> is every top-level Web type, <c>*/*</c> every
/// top-level type), <c>**</c> for any text across segments (<c>Microsoft.Web/**</c> includes child types).
/// </summary>
internal sealed class TypePattern
{
    private readonly Regex regex;

    public TypePattern(string pattern)
    {
        Text = pattern;
        var body = string.Concat(Regex.Split(pattern, @"(\*\*|\*)").Select(part => part switch
        {
            "**" => ".*",
            "*" => "[^/]*",
            _ => Regex.Escape(part),
        }));
        // The pattern comes from a pack file, which may be the analysed tree's: bounded like every regex built from input.
        regex = new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, InputRegex.Timeout);
    }

    public string Text { get; }

    /// <summary>Whether the type matches; a match that runs out of time counts as no match.</summary>
    public bool IsMatch(string type) => InputRegex.IsMatch(regex, type);
}
