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

    /// <summary>The resource the finding is about, when a rule reported it on one.</summary>
    public ResourceModel? Resource { get; init; }

    /// <summary>
    /// When its template is deployed several times (pipelines, azd environments, infralint.json) and the finding holds in
    /// only some of those deployments: their names, sorted (the message names them too). Null when it holds wherever
    /// its template is deployed.
    /// </summary>
    public IReadOnlyList<string>? Deployments { get; init; }

    /// <summary>
    /// True for an exemption rather than a problem (<see cref="FindingSink.Exempt"/>): the rule does not apply at
    /// <see cref="Location"/>, whichever deployment of the run the place is analysed in. The engine drops the rule's
    /// findings there and never reports the exemption itself.
    /// </summary>
    public bool Exempts { get; init; }

    /// <summary>Set when a suppression applies: the finding is kept (SARIF shows it) but not reported as a warning.</summary>
    public Suppression? Suppression { get; init; }
}

/// <summary>Where a suppression was written.</summary>
public enum SuppressionKind
{
    /// <summary>In the template: <c>#disable-next-line</c>, <c>// infralint-disable-next-line</c>, ARM <c>metadata.infralint.suppress</c>.</summary>
    InSource,
    /// <summary>Outside the template: <c>infralint.json</c> suppressions.</summary>
    External,
}

/// <summary>A suppression that applies to a finding.</summary>
/// <param name="Kind">Where it was written.</param>
/// <param name="Justification">Why, in the author's words; null when none was given (which is INFRA0004).</param>
public sealed record Suppression(SuppressionKind Kind, string? Justification);
