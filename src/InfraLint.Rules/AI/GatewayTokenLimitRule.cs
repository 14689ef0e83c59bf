using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.AI;

// Without a token limit on the gateway, one client's loop or one leaked subscription key spends the
// model's whole quota: every other app behind the gateway gets 429s and the bill grows by the
// minute. A limit per subscription (or per client) keeps one consumer's mistake its own.
public sealed class GatewayTokenLimitRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA5005",
        Title: "Model API on the AI gateway has no token limit",
        MessageFormat: "Model API '{0}' has no token limit at API, product or service scope; add azure-openai-token-limit (or llm-token-limit) so that one consumer cannot spend the whole model quota",
        Category: RuleCategory.AI,
        DefaultSeverity: Severity.Warning,
        Description: "An API Management API in front of Azure OpenAI or AI Services has no azure-openai-token-limit or llm-token-limit policy at API, product or service scope, so nothing on the gateway caps how many tokens a consumer uses.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var api in ModelApiPolicies.Without(ApiGateway.Of(template), "azure-openai-token-limit", "llm-token-limit"))
            ModelApiPolicies.Report(report, Descriptor, api);
    }
}
