namespace InfraLint.Sdk;

/// <summary>One reported problem.</summary>
/// <param name="Descriptor">The rule that reported it.</param>
/// <param name="Severity">The effective severity (after configuration).</param>
/// <param name="Location">Where it is, or null for a finding about the whole run.</param>
/// <param name="Message">The formatted message; never contains a secret value.</param>
/// <param name="ResourceName">The resource it concerns, if any.</param>
public sealed record Finding(
    RuleDescriptor Descriptor,
    Severity Severity,
    SourceLocation? Location,
    string Message,
    string? ResourceName = null)
{
    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;
}
