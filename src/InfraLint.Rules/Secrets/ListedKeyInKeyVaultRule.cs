using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Secrets;

// Copying a service key into Key Vault hides it from the template but keeps it a key: it opens the
// whole service for whoever reads the secret, it is copied again at every deployment, and nobody
// rotates it. Where the service accepts Microsoft Entra ID, the callers' managed identities with a
// narrow role need no secret at all.
public sealed class ListedKeyInKeyVaultRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA1005",
        Title: "A service key is copied into Key Vault where identity-based access exists",
        MessageFormat: "Key Vault secret '{0}' stores a key from {1}() of {2}, which accepts Microsoft Entra ID; {3}, and drop the secret",
        Category: RuleCategory.Secrets,
        DefaultSeverity: Severity.Suggestion,
        Description: "A Key Vault secret is set to the result of a list*() call (a key or connection string) of a service that supports identity-based access, so callers keep using a long-lived key where a managed identity and a role would do.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var secret in template.Resources.Where(r => !r.IsExisting && r.Is("Microsoft.KeyVault/vaults/secrets")))
        {
            var properties = secret.Properties is null ? null : template.ResolvePartially(secret.Properties) as JObject;
            if (properties?.Property("value", StringComparison.OrdinalIgnoreCase) is not { } value || ListedKeys.In(template, value.Value) is not var (function, listed))
                continue;
            // The first type with a known service decides; a service without Entra ID access (an API Management
            // subscription) belongs in Key Vault.
            if (ServiceOf(ListedKeys.TargetTypes(template, value.Value, listed)) is var (service, alternative))
                report.ReportAt(Descriptor, secret, value, SecretName(template, secret), function, service, alternative);
        }
    }

    // The service of the first type the catalogue knows (ResourceKinds.KeyServices): one whose callers can be
    // granted a data-plane role instead, or none when the key has no Entra ID alternative (an API Management
    // subscription key belongs in Key Vault). A known service without a caller role passes to the next type.
    private static (string Service, string Alternative)? ServiceOf(IEnumerable<string> types)
    {
        foreach (var type in types)
        {
            if (ResourceKinds.KeyServiceOf(type) is not { } service)
                continue;
            if (!service.AcceptsEntraId)
                return null;
            if (service.CallerRole is { } role)
                return (service.Name, "grant the callers' managed identities " + role);
        }
        return null;
    }

    private static string SecretName(TemplateModel template, ResourceModel secret) =>
        template.Evaluate(secret.Name).AsString is { } name ? name.Split('/')[^1] : secret.DisplayName;
}
