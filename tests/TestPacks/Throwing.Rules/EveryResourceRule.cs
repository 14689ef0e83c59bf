using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace Throwing.Rules;

/// <summary>Reports every deployed resource at its declaration; it reads the JSON through the host's Newtonsoft.Json.</summary>
public sealed class EveryResourceRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new("TEST0002", "Every resource", "'{0}' is a resource", RuleCategory.Other, Severity.Warning);

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var resource in template.Resources.Where(r => !r.IsExisting && r.Body is JObject))
            report.Report(Descriptor, resource, resource.DisplayName);
    }
}
