using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Identity;

// A registry password (the admin user's, or one copied into an app) pulls and pushes every image of
// the registry for whoever holds it, and it is shared by every app that pulls. A managed identity
// with AcrPull pulls only, per app, without a secret to leak or rotate.
public sealed class RegistryPasswordRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA2003",
        Title: "Container registry admin user, or image pull with a password",
        MessageFormat: "'{0}' ({1}) {2}; pull images with a managed identity that holds AcrPull instead",
        Category: RuleCategory.Identity,
        DefaultSeverity: Severity.Warning,
        Description: "A container registry enables its admin user, or an app pulls images with a registry password instead of a managed identity.");

    private static readonly string[] AzureRegistryDomains = [".azurecr.io", ".azurecr.cn", ".azurecr.us"];

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var resource in template.Resources.Where(r => !r.IsExisting))
        {
            if (resource.Is("Microsoft.ContainerRegistry/registries"))
                AdminUser(template, report, resource);
            else if (resource.IsIn(ResourceKinds.ContainerApps))
                Credentials(template, report, resource, Partially(template, Partially(template, resource.Properties).Child("configuration")).Child("registries"), "passwordSecretRef", "registries[].passwordSecretRef");
            else if (resource.Is("Microsoft.ContainerInstance/containerGroups"))
                Credentials(template, report, resource, Partially(template, resource.Properties).Child("imageRegistryCredentials"), "password", "imageRegistryCredentials[].password");
        }
        foreach (var group in template.Configuration.Where(e => e.Kind == ConfigurationKind.AppSetting).GroupBy(e => e.Owner))
        {
            var server = group.FirstOrDefault(e => Is(e.Name, "DOCKER_REGISTRY_SERVER_URL"));
            if (server is not null && !IsAzureRegistry(template.Evaluate(server.Value)))
                continue; // another registry: it has no Entra ID pull to switch to
            foreach (var password in group.Where(e => Is(e.Name, "DOCKER_REGISTRY_SERVER_PASSWORD") && Sets(template, e.Value)))
                report.ReportAt(Descriptor, password.Owner, password.Anchor, password.Owner.DisplayName, password.Owner.Type, "pulls its image with a password (DOCKER_REGISTRY_SERVER_PASSWORD)");
        }
    }

    private static void AdminUser(TemplateModel template, FindingSink report, ResourceModel registry)
    {
        if (Resolve(template, registry.Properties) is JObject properties &&
            properties.Property("adminUserEnabled", StringComparison.OrdinalIgnoreCase) is { } adminUser &&
            template.Evaluate(adminUser.Value).Value is JValue { Type: JTokenType.Boolean } enabled && (bool)enabled!)
        {
            report.ReportAt(Descriptor, registry, adminUser, registry.DisplayName, registry.Type, "enables the registry's admin user (adminUserEnabled is true)");
        }
    }

    // Container Apps registries[] and Container Instances imageRegistryCredentials[]: an entry that pulls from
    // an Azure container registry with a password instead of an identity.
    private static void Credentials(TemplateModel template, FindingSink report, ResourceModel owner, JToken? registries, string passwordProperty, string where)
    {
        if (Partially(template, registries) is not JArray entries)
            return;
        foreach (var entry in entries.Select(e => Partially(template, e)).OfType<JObject>())
        {
            if (entry.Property(passwordProperty, StringComparison.OrdinalIgnoreCase) is not { } password || !Sets(template, password.Value))
                continue;
            var server = template.Evaluate(entry.Property("server", StringComparison.OrdinalIgnoreCase)?.Value);
            if (!IsAzureRegistry(server))
                continue;
            var name = server.AsString is { } known ? $"'{known}'" : "its registry";
            report.ReportAt(Descriptor, owner, password, owner.DisplayName, owner.Type, $"pulls from {name} with a password ({where})");
        }
    }

    // A known *.azurecr.io server, or one built from an Azure container registry (its name or login server).
    private static bool IsAzureRegistry(TemplateValue server)
    {
        if (server.AsString is { } known)
            return AzureRegistryDomains.Any(d => known.TrimEnd('/').EndsWith(d, StringComparison.OrdinalIgnoreCase));
        return server.Literals.Any(l => l.Contains(".azurecr.", StringComparison.OrdinalIgnoreCase)
            || l.StartsWith("Microsoft.ContainerRegistry/registries", StringComparison.OrdinalIgnoreCase));
    }

    // Present and not known to be null or empty.
    private static bool Sets(TemplateModel template, JToken? token) =>
        token is not null && template.Evaluate(token).Value is not (JValue { Type: JTokenType.Null } or JValue { Type: JTokenType.String, Value: "" });

    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static JToken? Resolve(TemplateModel template, JToken? token) => token is null ? null : template.Resolve(token);

    // Credentials the template may deploy, also inside merges and conditions InfraLint cannot decide.
    private static JToken? Partially(TemplateModel template, JToken? token) => token is null ? null : template.ResolvePartially(token);
}
