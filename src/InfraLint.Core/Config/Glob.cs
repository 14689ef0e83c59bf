using System.Text;
using System.Text.RegularExpressions;

namespace InfraLint.Core.Config;

/// <summary>File globs as in .gitignore-style config: <c>**</c> any folders, <c>*</c> within a name, <c>?</c> one character.</summary>
internal static class Glob
{
    public static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        var text = glob.Replace('\\', '/').TrimStart('/');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
                pattern.Append("[^/]*");
            else if (c == '?')
                pattern.Append("[^/]");
            else
                pattern.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Inputs.InputRegex.Timeout);
    }
}
