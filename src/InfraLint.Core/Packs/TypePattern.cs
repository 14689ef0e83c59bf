using System.Text.RegularExpressions;

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
        regex = new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public string Text { get; }

    public bool IsMatch(string type) => regex.IsMatch(type);
}
