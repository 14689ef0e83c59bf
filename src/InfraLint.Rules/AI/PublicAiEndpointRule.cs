using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.AI;

// A production model endpoint or search index that answers the whole internet is one leaked key or
// token away from serving (and billing) anyone, and prompt data leaves the private network. Private
// endpoints or at least a network ACL keep production AI services reachable only by their apps.
public sealed class PublicAiEndpointRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA5002",
        Title: "AI service is reachable from the public network in production",
        MessageFormat: "Production AI service '{0}' ({1}; {2}) {3}; disable public network access or restrict it with a network ACL",
        Category: RuleCategory.AI,
        DefaultSeverity: Severity.Warning,
        Description: "An Azure OpenAI / AI Services / Cognitive Services account, AI Search service or Machine Learning workspace " +
            "classified as production has public network access enabled (or left at its default, enabled) and no network restriction.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        foreach (var resource in template.Resources.Where(r => !r.IsExisting && r.IsIn(ResourceKinds.AiServices)))
        {
            var environment = deployment.EnvironmentOf(resource);
            if (!environment.IsProduction)
                continue;
            var properties = resource.Properties is null ? new JObject() : template.ResolvePartially(resource.Properties) as JObject;
            if (properties is null || IsRestricted(template, resource, properties) is not false)
                continue;
            var name = resource.EvaluatedName ?? resource.DisplayName;
            var access = properties.Property("publicNetworkAccess", StringComparison.OrdinalIgnoreCase);
            if (access is null)
            {
                if (!InheritsNetworkSettings(template, resource))
                    report.Report(Descriptor, resource, name, resource.Type, environment.Evidence, "leaves publicNetworkAccess at its default (Enabled)");
                continue;
            }
            if (template.Evaluate(access.Value).AsString is { } value && value.Equals("Enabled", StringComparison.OrdinalIgnoreCase))
                report.ReportAt(Descriptor, resource, access, name, resource.Type, environment.Evidence, $"has publicNetworkAccess '{value}'");
        }
    }

    // An Azure AI Foundry project (an ML workspace of kind 'Project') takes its network settings from its hub.
    // A kind InfraLint cannot evaluate may be a project: no finding.
    private static bool InheritsNetworkSettings(TemplateModel template, ResourceModel resource)
    {
        if (!resource.Is("Microsoft.MachineLearningServices/workspaces") || resource.Body.Child("kind") is not { } token)
            return false;
        var kind = template.Evaluate(token);
        return !kind.IsKnown || string.Equals(kind.AsString, "Project", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a network rule limits public access, false when none does, null when InfraLint cannot tell.</summary>
    private static bool? IsRestricted(TemplateModel template, ResourceModel resource, JObject properties)
    {
        if (resource.Is("Microsoft.CognitiveServices/accounts"))
        {
            if (properties.Child("networkAcls") is not { } acls)
                return false;
            if (template.ResolvePartially(acls) is not JObject resolved)
                return null;
            var action = template.Evaluate(resolved.Child("defaultAction"));
            return action.IsKnown ? string.Equals(action.AsString, "Deny", StringComparison.OrdinalIgnoreCase) : null;
        }
        var rules = properties.Child("ipAllowlist");
        if (resource.Is("Microsoft.Search/searchServices"))
        {
            if (properties.Child("networkRuleSet") is not { } set)
                return false;
            if (template.ResolvePartially(set) is not JObject ruleSet)
                return null;
            rules = ruleSet.Child("ipRules");
        }
        if (rules is null)
            return false;
        var value = template.Evaluate(rules);
        return value.IsKnown ? value.Value is JArray { Count: > 0 } : null;
    }
}
