using InfraLint.Sdk;

namespace Contoso.Platform.Rules;

// Names that say what a resource is make incidents faster to triage and cost reports readable. A table
// of prefixes per type is awkward to write as a declarative condition, so this one is compiled.
public sealed class ResourceNamePrefixRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "CONTOSO1001",
        Title: "Resource name does not start with the abbreviation for its type",
        MessageFormat: "'{0}' ({1}) is named '{2}'; Contoso names of this type start with '{3}'",
        Category: RuleCategory.Other,
        DefaultSeverity: Severity.Warning,
        HelpUri: "https://contoso.example/platform/rules/CONTOSO1001",
        Description: "Resource names start with the abbreviation Contoso uses for their type (rg-, plan-, app-, kv-, st …).");

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Resources/resourceGroups"] = "rg-",
        ["Microsoft.Web/serverfarms"] = "plan-",
        ["Microsoft.Web/sites"] = "app-",
        ["Microsoft.KeyVault/vaults"] = "kv-",
        ["Microsoft.Storage/storageAccounts"] = "st",
        ["Microsoft.ManagedIdentity/userAssignedIdentities"] = "id-",
        ["Microsoft.OperationalInsights/workspaces"] = "log-",
        ["Microsoft.Insights/components"] = "appi-",
        ["Microsoft.ContainerInstance/containerGroups"] = "ci-",
    };

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var resource in template.Resources)
        {
            if (resource.IsExisting || resource.Body.Property("name", StringComparison.OrdinalIgnoreCase) is not { } property
                || !Prefixes.TryGetValue(resource.Type, out var prefix))
                continue;
            // A name InfraLint cannot evaluate (uniqueString(), a parameter without a default) is never guessed at.
            if (template.Evaluate(property.Value).AsString is { } name && !name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                report.ReportAt(Descriptor, resource, property, resource.DisplayName, resource.Type, name, prefix);
        }
    }
}
