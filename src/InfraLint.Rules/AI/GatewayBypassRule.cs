using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.AI;

// A gateway in front of a model only limits, meters and authenticates the calls that go through it.
// A production app that keeps the model endpoint in its settings bypasses the token limits, the usage
// metrics and the identity-based authentication the team put the gateway there for.
public sealed class GatewayBypassRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA5007",
        Title: "Production app calls the model endpoint directly, around the deployment's AI gateway",
        MessageFormat: "Production app '{0}' setting '{1}' calls model endpoint '{2}' directly, although API Management '{3}' fronts it in this deployment; call the gateway",
        Category: RuleCategory.AI,
        DefaultSeverity: Severity.Warning,
        Description: "In a deployment that defines an API Management API or backend for an Azure OpenAI / AI Services account, a " +
            "production app's setting points at that account (its endpoint host, a resource reference or properties.endpoint) instead of the gateway.");

    private const string AccountType = "Microsoft.CognitiveServices/accounts";
    private const string ApiManagementType = "Microsoft.ApiManagement/service";

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        var fronted = FrontedAccounts(deployment);
        if (fronted.Count == 0)
            return;
        foreach (var entry in template.Configuration.Where(e => e is { Value: not null, Name: not null }))
        {
            if (!deployment.EnvironmentOf(entry.Owner).IsProduction)
                continue;
            foreach (var target in deployment.References(template, entry.Value!).Where(r => string.Equals(r.Type, AccountType, StringComparison.OrdinalIgnoreCase)))
            {
                if (!fronted.TryGetValue(target.Name, out var gateway))
                    continue;
                report.ReportAt(Descriptor, entry.Owner, entry.Anchor, entry.Owner.EvaluatedName ?? entry.Owner.DisplayName, entry.Name, target.Name, gateway);
                break;
            }
        }
    }

    /// <summary>Model accounts that an API Management API (<c>serviceUrl</c>) or backend (<c>url</c>) of the deployment points at, with the service's name.</summary>
    private static Dictionary<string, string> FrontedAccounts(DeploymentInfo deployment)
    {
        var fronted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in deployment.Templates)
        {
            foreach (var resource in template.Resources)
            {
                // The gateway this rule is about forwards through its APIs and its backends, each naming the upstream in a property of its own.
                var url = resource.Is(ApiManagementType + "/apis") ? resource.Properties.Child("serviceUrl")
                    : resource.Is(ApiManagementType + "/backends") ? resource.Properties.Child("url")
                    : null;
                if (url is null || !ModelEndpoints.Is(template, url))
                    continue;
                var service = template.NameSegments(resource) is { Count: > 0 } name ? name[0] : resource.DisplayName;
                foreach (var account in deployment.References(template, url).Where(r => string.Equals(r.Type, AccountType, StringComparison.OrdinalIgnoreCase)))
                    fronted.TryAdd(account.Name, service);
            }
        }
        return fronted;
    }
}
