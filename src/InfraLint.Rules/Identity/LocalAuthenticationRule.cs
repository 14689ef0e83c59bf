using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Identity;

// Keys and shared access signatures work for whoever holds them, from anywhere, with no identity in
// the audit log and no way to grant less than everything. Where a service accepts Microsoft Entra ID,
// turning key access off makes every caller an identity with a reviewable role.
public sealed class LocalAuthenticationRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA2002",
        Title: "Key-based (local) authentication left enabled where Entra ID is available",
        MessageFormat: "'{0}' ({1}) {2}; use Microsoft Entra ID with role assignments instead",
        Category: RuleCategory.Identity,
        DefaultSeverity: Severity.Warning,
        Description: "A service that supports Microsoft Entra ID keeps key-based (local) authentication enabled, so anyone with a key can call it without an identity or a role assignment.");

    // Cosmos DB APIs without Microsoft Entra data-plane authentication.
    private static readonly string[] NonSqlCapabilities = ["EnableMongo", "EnableCassandra", "EnableGremlin", "EnableTable"];

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        var scriptStorage = DeploymentScriptStorage(template);
        var scriptStorageAccounts = DeploymentScriptStorageAccounts(template);
        foreach (var resource in template.Resources.Where(r => !r.IsExisting))
        {
            if (resource.Properties is { } raw && template.Resolve(raw) is not JObject)
                continue; // properties built by an expression InfraLint cannot follow
            var properties = resource.Properties is null ? new JObject() : (JObject)template.Resolve(resource.Properties);
            if (resource.Is("Microsoft.Storage/storageAccounts") && scriptStorageAccounts.Contains(resource))
                report.Exempt(Descriptor, resource, properties.Property("allowSharedKeyAccess", StringComparison.OrdinalIgnoreCase));
            else if (resource.Is("Microsoft.Storage/storageAccounts") && !scriptStorage.Contains(NameKey(template, resource.Name)))
                CheckDefaultOn(template, report, resource, properties, "allowSharedKeyAccess", keysOnWhen: true, "allows shared key access", "true");
            else if (resource.IsIn(ResourceKinds.LocalAuthOnByDefault) && SupportsEntraId(template, resource, properties))
                CheckDisableLocalAuth(template, report, resource, properties);
            else if (resource.Is("Microsoft.Cache/redis"))
                CheckRedis(template, report, resource, properties);
            else if (resource.Is("Microsoft.Cache/redisEnterprise/databases"))
                ReportWhen(template, report, resource, properties, "accessKeysAuthentication", v => v is JValue { Type: JTokenType.String } s && ((string)s!).Equals("Enabled", StringComparison.OrdinalIgnoreCase),
                    "allows access keys (accessKeysAuthentication is Enabled)");
            else if (resource.Is("Microsoft.ContainerRegistry/registries"))
                ReportWhen(template, report, resource, properties, "anonymousPullEnabled", v => AsBool(v) == true, "allows anonymous pulls (anonymousPullEnabled is true)");
        }
    }

    // Deployment scripts mount their storage account's file share with its key; that account cannot turn keys off.
    private static HashSet<string> DeploymentScriptStorage(TemplateModel template) =>
        template.Resources
            .Where(r => r.Is("Microsoft.Resources/deploymentScripts"))
            .Select(r => r.Properties.Child("storageAccountSettings").Child("storageAccountName"))
            .Select(n => NameKey(template, n))
            .Where(k => k.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    // The storage accounts of the whole deployment that its deployment scripts use, followed through module parameters and
    // outputs (a script module given `storageMod.outputs.storageId`). Such an account is exempt wherever its file is
    // analysed, also on its own, where the script is out of sight.
    private static HashSet<ResourceModel> DeploymentScriptStorageAccounts(TemplateModel template)
    {
        if (template.Deployment is not { } deployment)
            return [];
        var referenced = deployment.Templates
            .SelectMany(t => t.Resources.Where(r => r.Is("Microsoft.Resources/deploymentScripts"))
                .Select(r => r.Properties.Child("storageAccountSettings"))
                .OfType<JToken>()
                .SelectMany(settings => deployment.References(t, settings)))
            .Select(r => r.Resource)
            .OfType<ResourceModel>();
        return referenced.Where(r => r.Is("Microsoft.Storage/storageAccounts")).ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<ResourceModel>);
    }

    // A name as far as it is known: its value, else its expression text (the same parameter or variable names the same account).
    private static string NameKey(TemplateModel template, JToken? name) =>
        name is null ? string.Empty : template.Evaluate(name).AsString ?? name.ToString(Newtonsoft.Json.Formatting.None);

    private static void CheckDisableLocalAuth(TemplateModel template, FindingSink report, ResourceModel resource, JObject properties)
    {
        var flag = properties.Property("disableLocalAuth", StringComparison.OrdinalIgnoreCase);
        // AI Search: authOptions chooses between API keys only and keys or Entra ID; both keep keys on.
        if (flag is null && resource.Is("Microsoft.Search/searchServices") && properties.Property("authOptions", StringComparison.OrdinalIgnoreCase) is { } authOptions
            && template.Evaluate(authOptions.Value).Value is JObject)
        {
            report.ReportAt(Descriptor, resource, authOptions, resource.DisplayName, resource.Type, "allows API keys (authOptions is set and disableLocalAuth is not true)");
            return;
        }
        CheckDefaultOn(template, report, resource, properties, "disableLocalAuth", keysOnWhen: false, "allows local authentication with keys", "false");
    }

    // A flag whose default leaves keys on: omitted is reported at the resource, a known insecure value at the flag.
    private static void CheckDefaultOn(TemplateModel template, FindingSink report, ResourceModel resource, JObject properties,
        string name, bool keysOnWhen, string problem, string defaultValue)
    {
        var flag = properties.Property(name, StringComparison.OrdinalIgnoreCase);
        if (flag is null)
        {
            report.Report(Descriptor, resource, resource.DisplayName, resource.Type, $"{problem} ({name} is not set; it defaults to {defaultValue})");
            return;
        }
        if (AsBool(template.Evaluate(flag.Value).Value) == keysOnWhen)
            report.ReportAt(Descriptor, resource, flag, resource.DisplayName, resource.Type, $"{problem} ({name} is {(keysOnWhen ? "true" : "false")})");
    }

    // Azure Cache for Redis keeps access keys on by default; only explicit settings are reported (DESIGN.md).
    private static void CheckRedis(TemplateModel template, FindingSink report, ResourceModel resource, JObject properties)
    {
        ReportWhen(template, report, resource, properties, "disableAccessKeyAuthentication", v => AsBool(v) == false,
            "allows access keys (disableAccessKeyAuthentication is false)");
        if (properties.Property("redisConfiguration", StringComparison.OrdinalIgnoreCase)?.Value is { } configuration &&
            template.Resolve(configuration) is JObject redisConfiguration)
        {
            ReportWhen(template, report, resource, redisConfiguration, "aad-enabled", v => AsBool(v) == false,
                "has Microsoft Entra authentication off (redisConfiguration.aad-enabled is false)");
        }
    }

    private static void ReportWhen(TemplateModel template, FindingSink report, ResourceModel resource, JObject properties, string name,
        Func<JToken?, bool> insecure, string problem)
    {
        if (properties.Property(name, StringComparison.OrdinalIgnoreCase) is { } flag && insecure(template.Evaluate(flag.Value).Value))
            report.ReportAt(Descriptor, resource, flag, resource.DisplayName, resource.Type, problem);
    }

    // Only where Entra ID works: Cosmos DB for NoSQL (not MongoDB, Cassandra, Gremlin or Table), and
    // Azure AI services kinds other than the retired Bing ones. When the API cannot be told, no finding.
    private static bool SupportsEntraId(TemplateModel template, ResourceModel resource, JObject properties)
    {
        var kind = resource.Body["kind"] is { } kindToken ? template.Evaluate(kindToken) : null;
        if (resource.Is("Microsoft.CognitiveServices/accounts"))
            return kind is null || (kind.AsString is { } k && !k.StartsWith("Bing.", StringComparison.OrdinalIgnoreCase));
        if (!resource.Is("Microsoft.DocumentDB/databaseAccounts"))
            return true;
        if (kind is not null && !string.Equals(kind.AsString, "GlobalDocumentDB", StringComparison.OrdinalIgnoreCase))
            return false;
        if (properties.Property("capabilities", StringComparison.OrdinalIgnoreCase) is not { } capabilities)
            return true;
        if (template.Evaluate(capabilities.Value).Value is not JArray known)
            return false;
        return !known.OfType<JObject>().Select(c => (string?)c["name"])
            .Any(n => NonSqlCapabilities.Contains(n, StringComparer.OrdinalIgnoreCase));
    }

    private static bool? AsBool(JToken? value) => value switch
    {
        JValue { Type: JTokenType.Boolean } b => (bool)b!,
        JValue { Type: JTokenType.String } s when bool.TryParse((string)s!, out var parsed) => parsed,
        _ => null,
    };
}
