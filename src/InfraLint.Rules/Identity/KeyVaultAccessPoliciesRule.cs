using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Identity;

// Access policies grant all-or-nothing rights per object type on the whole vault, outside Azure
// RBAC: they do not show in role assignment reviews, cannot be scoped to one secret, and anyone with
// Contributor on the vault can grant themselves one. Azure RBAC puts vault data access under the
// same reviewed, scoped and audited model as everything else.
public sealed class KeyVaultAccessPoliciesRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA2005",
        Title: "Key Vault uses access policies instead of Azure RBAC",
        MessageFormat: "'{0}' ({1}) {2}; use Azure RBAC (enableRbacAuthorization: true) with Key Vault data roles instead of access policies",
        Category: RuleCategory.Identity,
        DefaultSeverity: Severity.Warning,
        Description: "A Key Vault grants access through vault access policies instead of Azure RBAC, either explicitly or because its API version defaults to access policies.");

    // From this API version on, a vault created without enableRbacAuthorization uses Azure RBAC.
    private const string RbacByDefaultSince = "2026-02-01";

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var resource in template.Resources.Where(r => !r.IsExisting))
        {
            if (resource.Is("Microsoft.KeyVault/vaults"))
                Vault(template, report, resource);
            else if (resource.Is("Microsoft.KeyVault/vaults/accessPolicies") && Properties(template, resource) is { } properties
                && Policies(template, properties) is { } policies)
                report.ReportAt(Descriptor, resource, policies, resource.DisplayName, resource.Type, "grants access with access policies");
        }
    }

    // One finding per vault, the same whichever caller's values a module is analysed with: an omitted flag on
    // an API version that defaults to access policies is reported at the resource, whatever the policies.
    private static void Vault(TemplateModel template, FindingSink report, ResourceModel vault)
    {
        if (Properties(template, vault) is not { } properties)
            return; // properties built by an expression InfraLint cannot follow
        var flag = properties.Property("enableRbacAuthorization", StringComparison.OrdinalIgnoreCase);
        if (flag is not null && template.Evaluate(flag.Value).Value is JValue { Type: JTokenType.Boolean } rbac && !(bool)rbac!)
            report.ReportAt(Descriptor, vault, flag, vault.DisplayName, vault.Type, "sets enableRbacAuthorization to false");
        else if (flag is null && DefaultsToAccessPolicies(vault.ApiVersion))
            report.Report(Descriptor, vault, vault.DisplayName, vault.Type,
                $"does not set enableRbacAuthorization, which defaults to false (access policies) for API version {vault.ApiVersion}");
        else if (Policies(template, properties) is { } policies)
            report.ReportAt(Descriptor, vault, policies, vault.DisplayName, vault.Type, "still lists access policies");
    }

    private static JObject? Properties(TemplateModel template, ResourceModel resource) =>
        resource.Properties is null ? new JObject() : template.Resolve(resource.Properties) as JObject;

    // The accessPolicies property when it is known to hold at least one entry. A loop over a list may make
    // none (AVM's pass-through of an optional parameter does exactly that), so its body does not count.
    private static JProperty? Policies(TemplateModel template, JObject properties) =>
        properties.Property("accessPolicies", StringComparison.OrdinalIgnoreCase) is { } policies
            && template.Resolve(policies.Value) is JArray entries && entries.Any(e => !template.IsLoopBody(template.Resolve(e)))
            ? policies
            : null;

    private static bool DefaultsToAccessPolicies(string apiVersion) =>
        apiVersion.Length >= RbacByDefaultSince.Length && string.CompareOrdinal(apiVersion[..RbacByDefaultSince.Length], RbacByDefaultSince) < 0;
}
