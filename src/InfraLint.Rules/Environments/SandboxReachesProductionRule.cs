using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Environments;

// A sandbox exists so that experiments can fail without consequences. The moment a sandbox identity
// holds a role in production, a sandbox app reads a production vault or database, or a sandbox network
// is peered to production, a mistake (or an attacker) in the sandbox reaches production data.
public sealed class SandboxReachesProductionRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA4001",
        Title: "Sandbox resource or identity reaches a production resource",
        MessageFormat: "Sandbox {0} '{1}' {2} production {3} ({4}); keep sandbox and production apart",
        Category: RuleCategory.Environments,
        DefaultSeverity: Severity.Warning,
        Description: "A sandbox identity is granted a role on a production scope, a sandbox app's settings point at a production " +
            "Key Vault, storage account, AI service or database, or a sandbox network is peered with a production network.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        foreach (var assignment in template.RoleAssignments)
        {
            if (assignment is { Principal.Environment.IsSandbox: true, Scope: { Environment.IsProduction: true } scope })
            {
                RoleAssignments.ReportAtScope(report, Descriptor, assignment, "identity", assignment.Principal.Name,
                    $"is granted '{assignment.RoleName}' on", scope.Description, scope.Environment.Evidence);
            }
        }
        foreach (var entry in template.Configuration.Where(e => e.Value is not null && e.Name is not null))
        {
            if (!deployment.EnvironmentOf(entry.Owner).IsSandbox)
                continue;
            var target = deployment.References(template, entry.Value!)
                .FirstOrDefault(r => r.Type is not null && ResourceKinds.Stores.Contains(r.Type) && r.Environment.IsProduction);
            if (target is not null)
                report.ReportAt(Descriptor, entry.Owner, entry.Anchor, "app", entry.Owner.EvaluatedName ?? entry.Owner.DisplayName, $"setting '{entry.Name}' points at",
                    $"{TypeNoun(target.Type!)} '{target.Name}'", target.Environment.Evidence);
        }
        foreach (var (network, remote) in Peerings(template))
        {
            if (!LocalNetworkEnvironment(deployment, template, network).IsSandbox)
                continue;
            var target = deployment.References(template, remote).FirstOrDefault(r => r.Environment.IsProduction);
            if (target is not null)
                report.ReportAt(Descriptor, network, remote.Parent ?? remote, "network", network.DisplayName, "is peered with", $"network '{target.Name}'", target.Environment.Evidence);
        }
    }

    private static string TypeNoun(string type) => type.Split('/')[^1] switch
    {
        "vaults" => "Key Vault",
        "storageAccounts" => "storage account",
        "accounts" => "AI service",
        "searchServices" => "search service",
        "workspaces" => "ML workspace",
        "namespaces" => "messaging namespace",
        "configurationStores" => "App Configuration store",
        "redis" => "cache",
        _ => "database",
    };

    // virtualNetworks/virtualNetworkPeerings resources and peerings written inside a virtual network.
    private static IEnumerable<(ResourceModel Network, JToken Remote)> Peerings(TemplateModel template)
    {
        foreach (var resource in template.Resources.Where(r => !r.IsExisting))
        {
            if (resource.Is("Microsoft.Network/virtualNetworks/virtualNetworkPeerings"))
            {
                if (resource.Properties.Child("remoteVirtualNetwork").Child("id") is { } remote)
                    yield return (resource, remote);
            }
            else if (resource.Is("Microsoft.Network/virtualNetworks") &&
                     resource.Properties.Child("virtualNetworkPeerings") is { } peerings && template.ResolvePartially(peerings) is JArray list)
            {
                foreach (var peering in list.OfType<JObject>())
                {
                    if (peering.Child("properties").Child("remoteVirtualNetwork").Child("id") is { } remote)
                        yield return (resource, remote);
                }
            }
        }
    }

    // A peering named 'vnet-dev/to-prod' belongs to the network before the slash.
    private static EnvironmentInfo LocalNetworkEnvironment(DeploymentInfo deployment, TemplateModel template, ResourceModel resource)
    {
        if (!resource.Is("Microsoft.Network/virtualNetworks/virtualNetworkPeerings") || resource.EvaluatedName is not { } name)
            return deployment.EnvironmentOf(resource);
        var parent = name.Split('/')[0];
        var network = template.Resources.FirstOrDefault(r => r.Is("Microsoft.Network/virtualNetworks") && r.EvaluatedName == parent);
        return network is not null ? deployment.EnvironmentOf(network) : deployment.EnvironmentOf(template);
    }
}
