using System.Globalization;
using System.Text;
using static InfraLint.Reporting.Output.OutputText;

namespace InfraLint.Reporting.Diff;

/// <summary>
/// The trust diff as a pull-request comment body: a one-line verdict, a table of the changes that widen trust (what, who,
/// where, a link to <c>file#Lline</c>), narrowing and neutral changes in a collapsed <c>&lt;details&gt;</c>, then the new
/// findings. Every name is escaped (<see cref="Markdown"/>): the pull request may be an attacker's.
/// </summary>
public static class DiffMarkdownWriter
{
    public static string Write(TrustDiff diff)
    {
        var text = new StringBuilder();
        var widening = diff.Changes.Where(c => c.Widening && c.Kind != ChangeKinds.FindingNew).ToList();
        var findings = diff.Changes.Where(c => c.Kind == ChangeKinds.FindingNew).ToList();
        var others = diff.Changes.Where(c => !c.Widening).ToList();
        text.Append("### InfraLint trust diff\n\n");
        text.Append(diff.WidensTrust
            ? $"**This change widens trust**: {Count(diff.Count(TrustDiff.WideningGroup), "widening change")}, {diff.Count(TrustDiff.Narrowing)} narrowing, {diff.Count(TrustDiff.Neutral)} neutral (base `{Code(diff.Base)}`).\n"
            : diff.Changes.Count == 0
                ? $"No change in who can do what, where (base `{Code(diff.Base)}`).\n"
                : $"This change does not widen trust: {diff.Count(TrustDiff.Narrowing)} narrowing, {diff.Count(TrustDiff.Neutral)} neutral (base `{Code(diff.Base)}`).\n");
        if (widening.Count > 0)
        {
            text.Append("\n| Change | Who | What | Where | Line |\n|---|---|---|---|---|\n");
            foreach (var change in widening)
                Row(text, change);
        }
        if (others.Count > 0)
        {
            text.Append($"\n<details><summary>{Count(others.Count, "narrowing or neutral change")}</summary>\n\n| Change | Who | What | Where | Line |\n|---|---|---|---|---|\n");
            foreach (var change in others)
                Row(text, change);
            text.Append("\n</details>\n");
        }
        if (findings.Count > 0)
        {
            text.Append("\n**New findings**\n\n| Rule | Finding | Line |\n|---|---|---|\n");
            foreach (var finding in findings)
                text.Append($"| {Markdown(finding.RuleId ?? "")} | {Markdown(finding.Message)} | {Link(finding)} |\n");
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, TrustChange change)
    {
        var who = change.Principal ?? change.Identity ?? change.Resource ?? "";
        var what = change.Kind switch
        {
            ChangeKinds.GrantWidened or ChangeKinds.GrantNarrowed => $"{change.Previous!.Role} → {change.Role}",
            _ when change.Role is not null => change.Role,
            _ when change.Setting is not null => change.Setting,
            _ => change.RuleId is { } id ? $"{id}: {change.Message}" : change.Message,
        };
        var where = change.Scope is { } scope
            ? $"{change.ScopeLevel ?? "resource"} {scope}" + (change.Previous is { } p && (p.Scope != scope || p.ScopeLevel != change.ScopeLevel) ? $" (was {p.ScopeLevel} {p.Scope})" : "")
            : change.Resource ?? "";
        if (change.Environment is { } environment)
            where += $" ({environment})";
        text.Append($"| {change.Kind} | {Markdown(who)} | {Markdown(what)} | {Markdown(where)} | {Link(change)} |\n");
    }

    private static string Link(TrustChange change) => change.File is { } file
        ? $"[{Markdown(file)}:{change.Line?.ToString(CultureInfo.InvariantCulture)}]({UrlPath(file)}#L{change.Line?.ToString(CultureInfo.InvariantCulture)})"
        : "";

    // Inside a code span only a backtick could end it; a ref name has none that git accepts, but it is the user's text.
    private static string Code(string text) => Html(VisibleControls(text).Replace("`", "'", StringComparison.Ordinal)).Replace("@", "&#64;", StringComparison.Ordinal);

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
