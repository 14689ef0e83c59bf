using System.Globalization;
using InfraLint.Reporting.Output;

namespace InfraLint.Reporting.Diff;

/// <summary>One line per change: <c>path(line): widening grantAdded: message</c>; every field through <see cref="OutputText.Line"/>,
/// so a name in the analysed tree cannot start a line of its own or a CI command.</summary>
public static class DiffTextWriter
{
    public static string Write(TrustDiff diff)
    {
        var text = new System.Text.StringBuilder();
        foreach (var change in diff.Changes)
        {
            var rest = $": {change.Group} {change.Kind}{(change.RuleId is { } id ? " " + id : "")}: {OutputText.Line(change.Message)}\n";
            text.Append(change.File is { } file
                ? OutputText.LineStartingWithPath(file, $"({change.Line?.ToString(CultureInfo.InvariantCulture) ?? "1"})" + rest)
                : "infralint" + rest);
        }
        return text.ToString();
    }
}
