using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// A module is analysed on its own and through each caller, and its findings are one set. Where one context shows that
/// a rule does not apply to a place (<see cref="Finding.Exempts"/>: a storage account that a deployment script of a sibling
/// module uses), the rule's findings at that place are dropped from every entry, including the module analysed alone,
/// which cannot see the script. The exemptions themselves are never reported.
/// </summary>
internal static class Exemptions
{
    public static IReadOnlyList<EntryAnalysis> Apply(IReadOnlyList<EntryAnalysis> entries)
    {
        var exempt = entries.SelectMany(e => e.Findings).Where(f => f.Exempts).Select(f => (f.Id, f.Location)).ToHashSet();
        if (exempt.Count == 0)
            return entries;
        return entries
            .Select(e => e with { Findings = e.Findings.Where(f => !f.Exempts && !exempt.Contains((f.Id, f.Location))).ToList() })
            .ToList();
    }
}
