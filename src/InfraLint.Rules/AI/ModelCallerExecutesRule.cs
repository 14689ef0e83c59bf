using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.AI;

// An identity that calls a model acts on text the model wrote, and model output can be steered by
// whatever the prompt contained. Keep the identity that drafts (calls the model) apart from the one
// that executes (writes data, triggers workflows, grants access) in production, so that a
// prompt-injected answer cannot act with production rights on its own.
public sealed class ModelCallerExecutesRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA5003",
        Title: "An identity that calls AI models also holds write, trigger or approve rights in production",
        MessageFormat: "Identity '{0}' calls AI models ({1}) and can also {2} in production through '{3}' on {4}; let a separate identity execute",
        Category: RuleCategory.AI,
        DefaultSeverity: Severity.Warning,
        // An AI caller's execution rights are grants: the trust graph draws them.
        AboutAccess: true,
        Description: "An identity with a model-calling role (Cognitive Services OpenAI User/Contributor, Cognitive Services User, " +
            "Azure AI Developer, Azure AI User) or attached to compute whose settings point at a model endpoint also holds a role of " +
            "the write, trigger or approve class on a production scope outside the AI service itself.");

    private const string AiAccountType = "Microsoft.CognitiveServices/accounts";
    private const ActionClasses Execution = ActionClassNames.Execution;

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        // One answer per principal: an identity with several execution grants is looked up once.
        var callers = new Dictionary<IdentityInfo, string?>(ReferenceEqualityComparer.Instance);
        foreach (var assignment in template.RoleAssignments)
        {
            if (assignment is not { Principal: { } principal, Role: { } role, Scope: { Environment.IsProduction: true } scope, RoleToken: { } token } ||
                !role.Grants(Execution) || role.CallsModels || IsAiService(scope))
                continue;
            if (!callers.TryGetValue(principal, out var calls))
                callers[principal] = calls = HowItCallsModels(deployment, principal);
            if (calls is null)
                continue;
            report.ReportAt(Descriptor, assignment.Resource, token, principal.Name, calls, ActionClassNames.Execute(role.Classes!.Value & Execution), role.Name, scope.Description);
        }
    }

    // The AI service itself (or anything inside it) is where a model caller's own rights belong.
    private static bool IsAiService(ScopeInfo scope) =>
        scope.Level == ScopeLevel.Resource && scope.ResourceType is { } type && type.StartsWith(AiAccountType, StringComparison.OrdinalIgnoreCase);

    private static string? HowItCallsModels(DeploymentInfo deployment, IdentityInfo principal)
    {
        var grant = deployment.RoleAssignments.FirstOrDefault(a => ReferenceEquals(a.Principal, principal) && a.Role is { CallsModels: true });
        if (grant is not null)
            return $"'{grant.Role!.Name}' on {grant.Scope?.Description ?? "a model endpoint"}";
        foreach (var compute in principal.AttachedTo)
        {
            if (deployment.TemplateOf(compute) is not { } owner)
                continue;
            var endpoint = owner.ConfigurationOf(compute).Where(e => e.Value is not null).Select(e => e.Value!)
                .SelectMany(value => deployment.References(owner, value))
                .FirstOrDefault(r => string.Equals(r.Type, AiAccountType, StringComparison.OrdinalIgnoreCase));
            if (endpoint is not null)
                return $"'{compute.EvaluatedName ?? compute.DisplayName}' is configured with model endpoint '{endpoint.Name}'";
        }
        return null;
    }
}
