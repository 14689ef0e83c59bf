using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Secrets;

// listKeys() and its relatives copy a service's master key into the app's configuration at every
// deployment: the key is readable by anyone who can read the app, it outlives every rotation
// plan, and it grants everything the key grants. Every service that hands out such keys also
// accepts the app's managed identity with a narrow role.
public sealed class ListedKeyInConfigurationRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA1002",
        Title: "Keys or connection strings from list*() flow into app configuration",
        MessageFormat: "{0} of '{1}' takes a key from {2}() of {3}; {4}",
        Category: RuleCategory.Secrets,
        DefaultSeverity: Severity.Warning,
        // A key copied from one resource into another's settings is an access path the trust graph draws.
        AboutAccess: true,
        Description: "The result of a list*() call (listKeys, listConnectionStrings, listCredentials, listSecrets, listAdminKeys, listQueryKeys) is copied into app settings, environment variables, connection strings or container app secrets, where the key sits in plain configuration.");

    // Resource type prefix (provider/type) -> what it is, and the identity-based way to reach it.
    private static readonly (string TypePrefix, string Service, string Alternative)[] Services =
    [
        // API Management subscription keys identify the caller to the gateway; there is no Entra ID sign-in that replaces them.
        ("Microsoft.ApiManagement/service/subscriptions", "an API Management subscription",
            "subscription keys have no Microsoft Entra ID alternative: reference the key from Key Vault, or require an Entra ID token (validate-jwt or validate-azure-ad-token) instead of a subscription"),
        ("Microsoft.ApiManagement/service", "an API Management service",
            "reference the key from Key Vault, or require an Entra ID token (validate-jwt or validate-azure-ad-token) instead of a subscription"),
        ("Microsoft.Storage/storageAccounts", "a storage account", "use an identity-based connection and grant the app's managed identity a Storage data role (e.g. Storage Blob Data Contributor)"),
        ("Microsoft.ServiceBus/namespaces", "a Service Bus namespace", "use an identity-based connection (fullyQualifiedNamespace) and grant Azure Service Bus Data Sender or Receiver"),
        ("Microsoft.EventHub/namespaces", "an Event Hubs namespace", "use an identity-based connection (fullyQualifiedNamespace) and grant Azure Event Hubs Data Sender or Receiver"),
        ("Microsoft.DocumentDB/databaseAccounts", "a Cosmos DB account", "connect with the account endpoint and a managed identity that holds a Cosmos DB data-plane role"),
        ("Microsoft.CognitiveServices/accounts", "an Azure AI services account", "call the endpoint with a managed identity that holds Cognitive Services OpenAI User or Cognitive Services User"),
        ("Microsoft.Search/searchServices", "an AI Search service", "call the endpoint with a managed identity that holds Search Index Data Reader or Contributor"),
        ("Microsoft.Cache/redis", "an Azure Cache for Redis", "use Microsoft Entra authentication with the app's managed identity and a data access policy assignment"),
        ("Microsoft.Cache/redisEnterprise", "an Azure Managed Redis", "use Microsoft Entra authentication with the app's managed identity and an access policy assignment"),
        ("Microsoft.ContainerRegistry/registries", "a container registry", "pull with a managed identity that holds AcrPull"),
        ("Microsoft.AppConfiguration/configurationStores", "an App Configuration store", "read the store with a managed identity that holds App Configuration Data Reader"),
        ("Microsoft.SignalRService/signalR", "a SignalR service", "connect with a managed identity that holds SignalR App Server"),
        ("Microsoft.SignalRService/webPubSub", "a Web PubSub service", "connect with a managed identity that holds Web PubSub Service Owner"),
        ("Microsoft.EventGrid/", "an Event Grid topic", "publish with a managed identity that holds EventGrid Data Sender"),
        ("Microsoft.Devices/IotHubs", "an IoT hub", "connect with a managed identity that holds an IoT Hub data role"),
        ("Microsoft.Maps/accounts", "an Azure Maps account", "use Microsoft Entra authentication with a managed identity that holds Azure Maps Data Reader"),
        ("Microsoft.OperationalInsights/workspaces", "a Log Analytics workspace", "send data with a managed identity through the Logs Ingestion API"),
        ("Microsoft.Web/sites", "a function app", "protect the function with App Service authentication and call it with a managed identity"),
        ("Microsoft.Logic/workflows", "a logic app", "protect the trigger with Microsoft Entra authorization and call it with a managed identity"),
    ];

    private const string AnyService = "give the app a managed identity and grant it a role on the service instead";

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var entry in template.Configuration)
        {
            if ((entry.Value ?? entry.ReferencedValue) is { } token && ListedKeys.In(template, token) is var (function, value))
                Report(template, report, entry.Owner, entry.Anchor, entry.Subject(), function, token, value);
        }
        foreach (var secret in template.ContainerSecrets)
        {
            if (secret.Value is { } token && ListedKeys.In(template, token) is var (function, value))
                Report(template, report, secret.Owner, secret.Anchor, SettingNames.Subject("Secret", secret.Name), function, token, value);
        }
    }

    private static void Report(TemplateModel template, FindingSink report, ResourceModel owner, JToken anchor, string subject,
        string function, JToken token, TemplateValue value)
    {
        var (service, alternative) = TargetService(template, token, value);
        report.ReportAt(Descriptor, owner, anchor, subject, owner.DisplayName, function, service, alternative);
    }

    // The service whose keys are listed: a resource type written in the expression (resourceId('Microsoft.Storage/…')),
    // or the symbolic name of a resource of this template (languageVersion 2.0: listKeys('storage', …)).
    // The first type with a known service wins: the evidence comes best first (ListedKeys.TargetTypes).
    private static (string Service, string Alternative) TargetService(TemplateModel template, JToken token, TemplateValue value)
    {
        foreach (var type in ListedKeys.TargetTypes(template, token, value))
        {
            foreach (var (prefix, service, alternative) in Services)
            {
                if (type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    return (service, alternative);
            }
        }
        return ("another resource", AnyService);
    }
}
