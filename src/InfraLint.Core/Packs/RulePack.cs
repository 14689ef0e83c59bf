using InfraLint.Sdk;

namespace InfraLint.Core.Packs;

/// <summary>A loaded rule pack: a declarative <c>*.infralint-rules.json</c> file or a compiled assembly.</summary>
/// <param name="Name">The pack's name (its <c>name</c>, or the assembly name).</param>
/// <param name="Version">The pack's version (its <c>version</c>, or the assembly's informational version).</param>
/// <param name="FilePath">Full path of the file it was loaded from.</param>
/// <param name="Rules">Its rules, in id order, without those whose id another pack or a built-in rule already has.</param>
/// <param name="InformationUri">Where the pack is documented, when it says.</param>
public sealed record RulePack(string Name, string Version, string FilePath, IReadOnlyList<Rule> Rules, string? InformationUri = null)
{
    /// <summary>The metadata of its rules, in id order.</summary>
    public IEnumerable<RuleDescriptor> Descriptors => Rules.Select(r => r.Describe);
}
