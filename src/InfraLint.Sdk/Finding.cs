namespace InfraLint.Sdk;

/// <summary>One reported problem.</summary>
/// <param name="Descriptor">The rule that reported it.</param>
/// <param name="Severity">The effective severity (after configuration).</param>
/// <param name="Location">Where it is, or null for a finding about the whole run.</param>
/// <param name="Message">The formatted message; never contains a secret value.</param>
/// <param name="ResourceName">The resource it concerns, if any (symbolic name, else evaluated name, else type).</param>
/// <param name="ResourceType">The type of that resource.</param>
/// <param name="PropertyPath">The property it concerns, relative to the resource (e.g. <c>properties.siteConfig.appSettings[0].name</c>),
/// or relative to the template for values built in variables; null for the resource as a whole.</param>
public sealed record Finding(
    RuleDescriptor Descriptor,
    Severity Severity,
    SourceLocation? Location,
    string Message,
    string? ResourceName = null,
    string? ResourceType = null,
    string? PropertyPath = null)
{
    /// <summary>The rule id.</summary>
    public string Id => Descriptor.Id;
}
