using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.AI;

// The gateway is the one place that sees every model call; if it does not count tokens per
// consumer, nobody can say which app drives the cost, whose retries burn the quota, or whether a
// model choice still pays for itself.
public sealed class GatewayTokenMetricsRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA5006",
        Title: "Model API on the AI gateway emits no token metrics",
        MessageFormat: "Model API '{0}' emits no token metrics at API, product or service scope; add azure-openai-emit-token-metric (or llm-emit-token-metric) with a dimension per consumer",
        Category: RuleCategory.AI,
        DefaultSeverity: Severity.Suggestion,
        Description: "An API Management API in front of Azure OpenAI or AI Services has no azure-openai-emit-token-metric or llm-emit-token-metric policy at API, product or service scope, so token use per consumer is not measured.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var api in ModelApiPolicies.Without(ApiGateway.Of(template), "azure-openai-emit-token-metric", "llm-emit-token-metric"))
            ModelApiPolicies.Report(report, Descriptor, api);
    }
}
