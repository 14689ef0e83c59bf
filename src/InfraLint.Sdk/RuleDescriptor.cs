using System.Globalization;

namespace InfraLint.Sdk;

/// <summary>
/// A rule's metadata, declared once as a static field of the rule class. The build log, SARIF,
/// the docs index and configuration all read it from here.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>INFRA1001</c>; rule packs use their own prefix.</param>
/// <param name="Title">Short, sentence case, no full stop.</param>
/// <param name="MessageFormat">A composite format string; arguments name elements, never secret values.</param>
/// <param name="Category">The rule's category.</param>
/// <param name="DefaultSeverity">Severity used unless configuration overrides it.</param>
/// <param name="HelpUri">Documentation page; built-in rules derive it from <see cref="HelpLinks"/>.</param>
/// <param name="Description">What the rule reports, in one or two sentences ending with a full stop
/// (SARIF's <c>fullDescription</c>); the docs page says why it matters and how to fix it.</param>
/// <param name="AboutAccess">True when the rule's findings are about who or what can reach a resource (an identity, a
/// grant, a key flowing from one resource into another) although its category is not <see cref="RuleCategory.Roles"/>
/// or <see cref="RuleCategory.Environments"/>; see <see cref="IsAboutAccess"/>.</param>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    RuleCategory Category,
    Severity DefaultSeverity,
    string? HelpUri = null,
    string? Description = null,
    bool AboutAccess = false)
{
    /// <summary>
    /// True for rules about access: every <see cref="RuleCategory.Roles"/> and <see cref="RuleCategory.Environments"/>
    /// rule, and those that declare <see cref="AboutAccess"/>. The trust graph draws the resource such a finding
    /// names even where it has no edge yet (compute without an identity).
    /// </summary>
    public bool IsAboutAccess => AboutAccess || Category is RuleCategory.Roles or RuleCategory.Environments;

    /// <summary>The documentation page of this rule.</summary>
    public string HelpLink => HelpUri ?? HelpLinks.For(Id);

    /// <summary>Formats <see cref="MessageFormat"/> with invariant culture.</summary>
    public string FormatMessage(params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
}
