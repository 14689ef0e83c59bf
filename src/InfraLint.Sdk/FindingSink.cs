using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>Collects the findings a rule reports for one template.</summary>
public sealed class FindingSink
{
    private readonly TemplateModel template;
    private readonly List<Finding> findings = new();

    /// <summary>Creates a sink for the findings of <paramref name="template"/>.</summary>
    public FindingSink(TemplateModel template) => this.template = template;

    /// <summary>What was reported so far.</summary>
    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>Reports a finding at the source of <paramref name="token"/> (a token of the resource's or template's JSON).</summary>
    public void ReportAt(RuleDescriptor descriptor, ResourceModel resource, JToken token, params object?[] args) =>
        Add(descriptor, descriptor.DefaultSeverity, template.Locate(token), resource, RelativePath(template.SourceOf(token), (JObject)template.SourceOf(resource.Body)), args);

    /// <summary>
    /// Reports a finding at the source of <paramref name="token"/> with a severity below the rule's default (a reminder).
    /// Configuration can lower it further or turn it off, but never raises it above <paramref name="severity"/>.
    /// </summary>
    public void ReportAt(RuleDescriptor descriptor, Severity severity, ResourceModel resource, JToken token, params object?[] args) =>
        Add(descriptor, severity < descriptor.DefaultSeverity ? severity : descriptor.DefaultSeverity, template.Locate(token), resource,
            RelativePath(template.SourceOf(token), (JObject)template.SourceOf(resource.Body)), args);

    /// <summary>
    /// Reports a finding at the source of <paramref name="token"/>, a token of the template's JSON outside
    /// any resource (a variable, a parameter's default value, an output).
    /// </summary>
    public void ReportAt(RuleDescriptor descriptor, JToken token, params object?[] args) =>
        findings.Add(new Finding(descriptor, descriptor.DefaultSeverity, template.Locate(token), descriptor.FormatMessage(args),
            PropertyPath: RelativePath(template.SourceOf(token), template.Template)));

    /// <summary>Reports a finding where a parameters file writes <paramref name="parameter"/>'s value.</summary>
    public void ReportAt(RuleDescriptor descriptor, SuppliedParameter parameter, params object?[] args) =>
        findings.Add(new Finding(descriptor, descriptor.DefaultSeverity, parameter.Location, descriptor.FormatMessage(args),
            PropertyPath: "parameters." + parameter.Name));

    /// <summary>
    /// Reports a finding about <paramref name="token"/> of <paramref name="resource"/> at <paramref name="location"/>,
    /// a place the template's own source map does not know: inside a file the template loads
    /// (<see cref="TemplateModel.LoadedFileOf"/>). The property path is still <paramref name="token"/>'s.
    /// </summary>
    public void ReportAt(RuleDescriptor descriptor, ResourceModel resource, SourceLocation location, JToken token, params object?[] args) =>
        Add(descriptor, descriptor.DefaultSeverity, location, resource, RelativePath(template.SourceOf(token), (JObject)template.SourceOf(resource.Body)), args);

    /// <summary>
    /// Reports a finding about <paramref name="token"/>, a token of the template's JSON outside any resource, at
    /// <paramref name="location"/>: a line inside a file the template loads (<see cref="TemplateModel.LoadedFileOf"/>).
    /// </summary>
    public void ReportAt(RuleDescriptor descriptor, SourceLocation location, JToken token, params object?[] args) =>
        findings.Add(new Finding(descriptor, descriptor.DefaultSeverity, location, descriptor.FormatMessage(args),
            PropertyPath: RelativePath(template.SourceOf(token), template.Template)));

    /// <summary>Reports a finding at the resource's declaration (for a missing property).</summary>
    public void Report(RuleDescriptor descriptor, ResourceModel resource, params object?[] args) =>
        Add(descriptor, descriptor.DefaultSeverity, resource.Declaration, resource, null, args);

    /// <summary>
    /// Says that the rule does not apply to <paramref name="resource"/> at its declaration or at <paramref name="token"/>,
    /// in any context the run analyses them in, because this context shows why: a storage account that a deployment script
    /// of another module uses cannot turn shared keys off, though the storage module analysed on its own cannot see the
    /// script. The engine drops the rule's findings at those places from every entry of the run; nothing is reported.
    /// </summary>
    public void Exempt(RuleDescriptor descriptor, ResourceModel resource, JToken? token = null)
    {
        findings.Add(new Finding(descriptor, Severity.None, resource.Declaration, string.Empty) { Exempts = true });
        if (token is not null)
            findings.Add(new Finding(descriptor, Severity.None, template.Locate(token), string.Empty) { Exempts = true });
    }

    private void Add(RuleDescriptor descriptor, Severity severity, SourceLocation location, ResourceModel resource, string? path, object?[] args) =>
        findings.Add(new Finding(descriptor, severity, location, descriptor.FormatMessage(args),
            resource.DisplayName, resource.Type, path) { Resource = resource });

    // A path that does not change when unrelated lines move: fingerprints are built from it.
    private static string RelativePath(JToken token, JObject body)
    {
        var path = token.Path;
        if (!token.AncestorsAndSelf().Any(t => ReferenceEquals(t, body)) || body.Path.Length == 0)
            return path;
        return path[body.Path.Length..].TrimStart('.');
    }
}
