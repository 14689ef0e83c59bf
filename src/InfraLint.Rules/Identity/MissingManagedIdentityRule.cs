using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Identity;

// Compute without a managed identity can only reach storage, databases, Key Vault or AI services
// with keys and passwords, and those end up in configuration. An identity costs nothing and lets
// every downstream grant be a role assignment that can be reviewed and revoked.
public sealed class MissingManagedIdentityRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA2001",
        Title: "Compute resource has no managed identity",
        MessageFormat: "'{0}' ({1}) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets",
        Category: RuleCategory.Identity,
        DefaultSeverity: Severity.Warning,
        // Compute without an identity is missing from the trust graph's identity edges: the graph draws it with the finding.
        AboutAccess: true,
        Description: "A resource that runs code or workflows is deployed without a managed identity (no identity property, " +
            "or identity type 'None'), so it can reach other services only with keys, passwords or a service principal secret.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var resource in template.Resources.Where(r => !r.IsExisting && r.IsIn(ResourceKinds.Compute) && !r.IsIn(ResourceKinds.IdentityRequiredElsewhere)))
        {
            if (HasNoIdentity(template, resource) && !IsEmptyFlexibleScaleSet(template, resource))
                report.Report(Descriptor, resource, resource.DisplayName, resource.Type);
        }
    }

    // Only a missing identity or a known 'None' counts; an identity InfraLint cannot evaluate is not guessed at.
    private static bool HasNoIdentity(TemplateModel template, ResourceModel resource)
    {
        if (resource.Identity is null)
            return true;
        var identity = template.Evaluate(resource.Identity);
        if (identity.Value is JValue { Type: JTokenType.Null })
            return true;
        if (identity.Value is not JObject known)
        {
            var resolved = template.Resolve(resource.Identity) as JObject;
            return resolved?["type"] is { } typeToken && template.Evaluate(typeToken).AsString is { } partialType && IsNone(partialType);
        }
        return known["type"] is not JValue { Type: JTokenType.String } type || IsNone((string)type!);
    }

    // A Flexible-orchestration scale set without a virtualMachineProfile runs nothing itself: it groups
    // virtual machines declared on their own (each with its own identity, checked as a VM).
    private static bool IsEmptyFlexibleScaleSet(TemplateModel template, ResourceModel resource)
    {
        if (!resource.Is("Microsoft.Compute/virtualMachineScaleSets") || resource.Properties is null ||
            template.Resolve(resource.Properties) is not JObject properties)
            return false;
        var mode = properties.Property("orchestrationMode", StringComparison.OrdinalIgnoreCase) is { } modeProperty
            ? template.Evaluate(modeProperty.Value).AsString : null;
        return string.Equals(mode, "Flexible", StringComparison.OrdinalIgnoreCase) &&
            properties.Property("virtualMachineProfile", StringComparison.OrdinalIgnoreCase) is null;
    }

    private static bool IsNone(string type) => type.Trim().Equals("None", StringComparison.OrdinalIgnoreCase);
}
