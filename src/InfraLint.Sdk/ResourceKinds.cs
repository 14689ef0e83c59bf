namespace InfraLint.Sdk;

/// <summary>
/// The one catalogue of resource kinds InfraLint's rules and trust graph reason about: what runs code, what holds data
/// worth protecting, which data-plane host names belong to which service. Rule packs use it too, so a pack and the
/// built-in rules agree on what "compute" is. Types compare case-insensitively, as ARM compares them.
/// </summary>
public static class ResourceKinds
{
    /// <summary>
    /// Compute: resources that run code or workflows of their own, as their own identity, so an identity attached to
    /// them acts for a workload (INFRA2001, INFRA3007, INFRA3008, INFRA3009). Web apps, API apps, function apps and
    /// Logic Apps (Standard) are all <c>Microsoft.Web/sites</c>, whatever their kind; a slot is an app of its own and
    /// does not share its site's identity. Data Factory, Synapse and Machine Learning workspaces run pipelines,
    /// notebooks and jobs as the workspace identity. A Batch pool runs tasks as the pool's identity (the account's own
    /// identity only reaches its storage). An AKS cluster runs workloads on nodes as the kubelet identity.
    /// </summary>
    public static IReadOnlySet<string> Compute { get; } = Set(
        "Microsoft.Web/sites",
        "Microsoft.Web/sites/slots",
        "Microsoft.App/containerApps",
        "Microsoft.App/jobs",
        "Microsoft.ContainerInstance/containerGroups",
        "Microsoft.Compute/virtualMachines",
        "Microsoft.Compute/virtualMachineScaleSets",
        "Microsoft.ContainerService/managedClusters",
        "Microsoft.Logic/workflows",
        "Microsoft.DataFactory/factories",
        "Microsoft.AppPlatform/Spring/apps",
        "Microsoft.Synapse/workspaces",
        "Microsoft.MachineLearningServices/workspaces",
        "Microsoft.Batch/batchAccounts/pools");

    /// <summary>
    /// Compute that INFRA2001 does not require an identity of: an AKS cluster cannot be deployed without either a
    /// managed identity or a service principal, and its pods reach other services as their own (workload) identities,
    /// not as the cluster's, so "the cluster has no identity" says nothing about the workloads' secrets.
    /// </summary>
    public static IReadOnlySet<string> IdentityRequiredElsewhere { get; } = Set(
        "Microsoft.ContainerService/managedClusters");

    /// <summary>
    /// Stores: data stores and services whose production content a sandbox must not reach, and which the trust graph
    /// shows as targets of settings and grants (INFRA4001). Key Vault holds the secrets to everything else; AI services
    /// and Machine Learning workspaces hold models, prompts and training data; the rest hold application data or messages.
    /// </summary>
    public static IReadOnlySet<string> Stores { get; } = Set(
        "Microsoft.KeyVault/vaults",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.CognitiveServices/accounts",
        "Microsoft.Search/searchServices",
        "Microsoft.DocumentDB/databaseAccounts",
        "Microsoft.Sql/servers",
        "Microsoft.Sql/servers/databases",
        "Microsoft.DBforPostgreSQL/flexibleServers",
        "Microsoft.DBforMySQL/flexibleServers",
        "Microsoft.Cache/redis",
        "Microsoft.ServiceBus/namespaces",
        "Microsoft.EventHub/namespaces",
        "Microsoft.AppConfiguration/configurationStores",
        "Microsoft.MachineLearningServices/workspaces");

    /// <summary>
    /// What the trust graph draws as a target a setting reaches: the <see cref="Stores"/> and container registries. A
    /// registry is not a store for INFRA4001, because a sandbox pulling images promoted to a production registry is
    /// the usual way images move; the picture still shows who pulls from where.
    /// </summary>
    public static IReadOnlySet<string> Reachable { get; } = Set([.. Stores, "Microsoft.ContainerRegistry/registries"]);

    /// <summary>
    /// What the trust graph follows settings and references from, besides resources with an identity: the
    /// <see cref="Compute"/>, App Service config children and static web apps (whose settings are a site's), API
    /// Management and its backends and named values (a gateway calls its backends), Databricks workspaces, deployment
    /// scripts and Batch accounts.
    /// </summary>
    public static IReadOnlySet<string> ReferenceSources { get; } = Set([.. Compute,
        "Microsoft.Web/sites/config", "Microsoft.Web/sites/slots/config", "Microsoft.Web/staticSites",
        "Microsoft.ApiManagement/service", "Microsoft.ApiManagement/service/backends", "Microsoft.ApiManagement/service/namedValues",
        "Microsoft.Databricks/workspaces", "Microsoft.Resources/deploymentScripts", "Microsoft.Batch/batchAccounts"]);

    /// <summary>
    /// Resources that carry trust rather than being part of the picture: identities, role assignments and
    /// definitions, federated credentials and deployments. The trust graph draws them as identity nodes, edges and
    /// bands, never as resources of their own.
    /// </summary>
    public static IReadOnlySet<string> TrustPlumbing { get; } = Set(
        "Microsoft.Authorization/roleAssignments", "Microsoft.Authorization/roleDefinitions",
        "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Resources/deployments",
        "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials");

    /// <summary>
    /// Resources that define kinds of environment rather than belong to one: a Dev Center environment type named
    /// <c>prod</c> is a catalogue entry, not a production resource, so its name says nothing about its environment.
    /// </summary>
    public static IReadOnlySet<string> EnvironmentDefinitions { get; } = Set(
        "Microsoft.DevCenter/devcenters/environmentTypes", "Microsoft.DevCenter/projects/environmentTypes");

    /// <summary>
    /// Services whose <c>disableLocalAuth</c> defaults to false, so an omitted flag leaves key (local) authentication on
    /// while Microsoft Entra ID works (INFRA2002). Storage (<c>allowSharedKeyAccess</c>), Redis and container registries
    /// have flags of their own, which the rule reads by type.
    /// </summary>
    public static IReadOnlySet<string> LocalAuthOnByDefault { get; } = Set(
        "Microsoft.CognitiveServices/accounts",
        "Microsoft.ServiceBus/namespaces",
        "Microsoft.EventHub/namespaces",
        "Microsoft.EventGrid/topics",
        "Microsoft.EventGrid/domains",
        "Microsoft.EventGrid/partnerNamespaces",
        "Microsoft.DocumentDB/databaseAccounts",
        "Microsoft.AppConfiguration/configurationStores",
        "Microsoft.Search/searchServices",
        "Microsoft.SignalRService/signalR",
        "Microsoft.SignalRService/webPubSub");

    /// <summary>
    /// AI services, which INFRA5002 keeps off the public network in production (DESIGN.md): Azure OpenAI and AI
    /// Services accounts of every kind, AI Search (the retrieval half of most model applications) and Machine Learning
    /// workspaces (hubs and projects included). Their model-serving endpoints are what an AI gateway fronts.
    /// </summary>
    public static IReadOnlySet<string> AiServices { get; } = Set(
        "Microsoft.CognitiveServices/accounts",
        "Microsoft.Search/searchServices",
        "Microsoft.MachineLearningServices/workspaces");

    /// <summary>
    /// Data-plane host name suffixes and the resource type whose name comes before them
    /// (<c>kv-prod.vault.azure.net</c> is the vault <c>kv-prod</c>), so a URL in a setting names the resource it reaches.
    /// Only public-cloud suffixes of services the rules care about; the first label before the suffix is the name.
    /// </summary>
    public static IReadOnlyList<HostSuffix> HostSuffixes { get; } =
    [
        new("vault.azure.net", "Microsoft.KeyVault/vaults"),
        new("blob.core.windows.net", "Microsoft.Storage/storageAccounts"),
        new("queue.core.windows.net", "Microsoft.Storage/storageAccounts"),
        new("table.core.windows.net", "Microsoft.Storage/storageAccounts"),
        new("file.core.windows.net", "Microsoft.Storage/storageAccounts"),
        new("dfs.core.windows.net", "Microsoft.Storage/storageAccounts"),
        new("openai.azure.com", "Microsoft.CognitiveServices/accounts"),
        new("cognitiveservices.azure.com", "Microsoft.CognitiveServices/accounts"),
        new("services.ai.azure.com", "Microsoft.CognitiveServices/accounts"),
        new("documents.azure.com", "Microsoft.DocumentDB/databaseAccounts"),
        new("database.windows.net", "Microsoft.Sql/servers"),
        new("servicebus.windows.net", "Microsoft.ServiceBus/namespaces"),
        new("search.windows.net", "Microsoft.Search/searchServices"),
        new("azconfig.io", "Microsoft.AppConfiguration/configurationStores"),
        new("redis.cache.windows.net", "Microsoft.Cache/redis"),
        new("postgres.database.azure.com", "Microsoft.DBforPostgreSQL/flexibleServers"),
        new("mysql.database.azure.com", "Microsoft.DBforMySQL/flexibleServers"),
        new("azurecr.io", "Microsoft.ContainerRegistry/registries"),
    ];

    /// <summary>
    /// Apps whose own <c>siteConfig</c> carries <c>appSettings</c> and <c>connectionStrings</c>: App Service sites of
    /// every kind (web, API, function and Logic Apps Standard) and their slots, which are apps of their own.
    /// </summary>
    public static IReadOnlySet<string> Sites { get; } = Set(
        "Microsoft.Web/sites",
        "Microsoft.Web/sites/slots");

    /// <summary>
    /// Config children whose <c>properties</c> are a settings object (<c>appsettings</c>, <c>connectionstrings</c>,
    /// <c>web</c>): the app's or slot's, and a static web app's or one of its builds' (a static site's settings are a
    /// site's). Only the name says which settings they are, so the reader looks at the name, not the type.
    /// </summary>
    public static IReadOnlySet<string> SettingsChildren { get; } = Set(
        "Microsoft.Web/sites/config",
        "Microsoft.Web/sites/slots/config",
        "Microsoft.Web/staticSites/config",
        "Microsoft.Web/staticSites/builds/config");

    /// <summary>
    /// Container Apps apps and jobs: one shape, <c>properties.template.containers[].env</c>,
    /// <c>properties.configuration.secrets</c> and <c>properties.configuration.registries</c>, so whatever reads one
    /// reads both. (Container instances have a shape of their own and are read by type.)
    /// </summary>
    public static IReadOnlySet<string> ContainerApps { get; } = Set(
        "Microsoft.App/containerApps",
        "Microsoft.App/jobs");

    /// <summary>
    /// Services whose keys a <c>list*()</c> call copies out (INFRA1002, INFRA1005), best-matching first: each entry's
    /// <see cref="KeyService.TypePrefix"/> is compared with <c>StartsWith</c>, so a child type comes before its parent
    /// (an API Management subscription before the service) and a prefix covers a provider's types (every Event Grid
    /// topic kind). <see cref="KeyService.AppAdvice"/> is what an app that holds the key should do instead;
    /// <see cref="KeyService.CallerRole"/> is the data-plane role the callers of a key parked in Key Vault need instead,
    /// null where INFRA1005 does not suggest one: API Management (subscription keys have no Entra ID alternative, so
    /// Key Vault is their right place, see <see cref="KeyService.AcceptsEntraId"/>), Redis (Entra ID access is an
    /// access policy assignment, not a role), and the services INFRA1005's page leaves out (function host keys, Logic
    /// Apps callback URLs, registries, Event Grid, IoT Hub, Maps, Log Analytics). So the services with a caller role
    /// are a subset of those INFRA1002 knows, and differ from <see cref="LocalAuthOnByDefault"/> (which is about a
    /// flag's default, and includes Event Grid): giving one a role is a change to INFRA1005's findings and its page.
    /// </summary>
    public static IReadOnlyList<KeyService> KeyServices { get; } =
    [
        // API Management subscription keys identify the caller to the gateway; there is no Entra ID sign-in that replaces them.
        new("Microsoft.ApiManagement/service/subscriptions", "an API Management subscription",
            "subscription keys have no Microsoft Entra ID alternative: reference the key from Key Vault, or require an Entra ID token (validate-jwt or validate-azure-ad-token) instead of a subscription",
            CallerRole: null, AcceptsEntraId: false),
        new("Microsoft.ApiManagement/service", "an API Management service",
            "reference the key from Key Vault, or require an Entra ID token (validate-jwt or validate-azure-ad-token) instead of a subscription",
            CallerRole: null, AcceptsEntraId: false),
        new("Microsoft.Storage/storageAccounts", "a storage account",
            "use an identity-based connection and grant the app's managed identity a Storage data role (e.g. Storage Blob Data Contributor)",
            "a Storage data role (e.g. Storage Blob Data Contributor)"),
        new("Microsoft.ServiceBus/namespaces", "a Service Bus namespace",
            "use an identity-based connection (fullyQualifiedNamespace) and grant Azure Service Bus Data Sender or Receiver",
            "Azure Service Bus Data Sender or Receiver"),
        new("Microsoft.EventHub/namespaces", "an Event Hubs namespace",
            "use an identity-based connection (fullyQualifiedNamespace) and grant Azure Event Hubs Data Sender or Receiver",
            "Azure Event Hubs Data Sender or Receiver"),
        new("Microsoft.DocumentDB/databaseAccounts", "a Cosmos DB account",
            "connect with the account endpoint and a managed identity that holds a Cosmos DB data-plane role",
            "a Cosmos DB data-plane role"),
        new("Microsoft.CognitiveServices/accounts", "an Azure AI services account",
            "call the endpoint with a managed identity that holds Cognitive Services OpenAI User or Cognitive Services User",
            "Cognitive Services OpenAI User or Cognitive Services User"),
        new("Microsoft.Search/searchServices", "an AI Search service",
            "call the endpoint with a managed identity that holds Search Index Data Reader or Contributor",
            "Search Index Data Reader or Contributor"),
        new("Microsoft.Cache/redis", "an Azure Cache for Redis",
            "use Microsoft Entra authentication with the app's managed identity and a data access policy assignment", null),
        new("Microsoft.Cache/redisEnterprise", "an Azure Managed Redis",
            "use Microsoft Entra authentication with the app's managed identity and an access policy assignment", null),
        new("Microsoft.ContainerRegistry/registries", "a container registry", "pull with a managed identity that holds AcrPull", null),
        new("Microsoft.AppConfiguration/configurationStores", "an App Configuration store",
            "read the store with a managed identity that holds App Configuration Data Reader",
            "App Configuration Data Reader"),
        new("Microsoft.SignalRService/signalR", "a SignalR service", "connect with a managed identity that holds SignalR App Server",
            "SignalR App Server"),
        new("Microsoft.SignalRService/webPubSub", "a Web PubSub service", "connect with a managed identity that holds Web PubSub Service Owner",
            "Web PubSub Service Owner"),
        new("Microsoft.EventGrid/", "an Event Grid topic", "publish with a managed identity that holds EventGrid Data Sender", null),
        new("Microsoft.Devices/IotHubs", "an IoT hub", "connect with a managed identity that holds an IoT Hub data role", null),
        new("Microsoft.Maps/accounts", "an Azure Maps account",
            "use Microsoft Entra authentication with a managed identity that holds Azure Maps Data Reader", null),
        new("Microsoft.OperationalInsights/workspaces", "a Log Analytics workspace",
            "send data with a managed identity through the Logs Ingestion API", null),
        new("Microsoft.Web/sites", "a function app", "protect the function with App Service authentication and call it with a managed identity", null),
        new("Microsoft.Logic/workflows", "a logic app", "protect the trigger with Microsoft Entra authorization and call it with a managed identity", null),
    ];

    /// <summary>The first of <see cref="KeyServices"/> whose prefix <paramref name="type"/> starts with, or null.</summary>
    public static KeyService? KeyServiceOf(string type) =>
        KeyServices.FirstOrDefault(s => type.StartsWith(s.TypePrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Which service a connection string is for, read from its keys and host names when nothing else names the
    /// resource (INFRA1002, INFRA1005). Ordered: the first entry any of whose markers the text contains wins, so
    /// Event Hubs (<c>EntityPath=</c>) comes before Service Bus, whose host name an Event Hubs string shares.
    /// </summary>
    public static IReadOnlyList<TypeHint> ConnectionStringHints { get; } =
    [
        new("Microsoft.DocumentDB/databaseAccounts", ["AccountEndpoint=", ".documents.azure.com"]),
        new("Microsoft.Storage/storageAccounts", ["DefaultEndpointsProtocol=", "AccountKey=", ".core.windows.net"]),
        new("Microsoft.EventHub/namespaces", ["EntityPath="]),
        new("Microsoft.ServiceBus/namespaces", [".servicebus.windows.net", "Endpoint=sb://"]),
        new("Microsoft.Cache/redis", [".redis.cache.windows.net", ".redis.azure.net"]),
        new("Microsoft.Search/searchServices", [".search.windows.net"]),
        new("Microsoft.CognitiveServices/accounts", [".openai.azure.com", ".cognitiveservices.azure.com"]),
    ];

    /// <summary>
    /// Which service a parameter names (<c>storageAccountId</c>, <c>serviceBusNamespaceResourceId</c>,
    /// <c>apimSubscriptionKey</c>), compared with the parameter's name lower-cased without <c>_</c> and <c>-</c>
    /// (INFRA1002, INFRA1005). Ordered: the first entry that matches wins, so the generic "storage" comes last
    /// (<c>cosmosStorageId</c> is Cosmos DB) and an API Management subscription comes first (it needs
    /// <see cref="TypeHint.AlsoRequired"/> besides one of its markers).
    /// </summary>
    public static IReadOnlyList<TypeHint> ParameterNameHints { get; } =
    [
        new("Microsoft.ApiManagement/service/subscriptions", ["apim", "apimanagement"], AlsoRequired: "subscription"),
        new("Microsoft.ServiceBus/namespaces", ["servicebus"]),
        new("Microsoft.EventHub/namespaces", ["eventhub"]),
        new("Microsoft.DocumentDB/databaseAccounts", ["cosmos"]),
        new("Microsoft.Cache/redis", ["redis"]),
        new("Microsoft.Search/searchServices", ["search"]),
        new("Microsoft.CognitiveServices/accounts", ["openai", "cognitive", "aiservices"]),
        new("Microsoft.Storage/storageAccounts", ["storage"]),
    ];

    /// <summary>True when <paramref name="resource"/> is in <paramref name="kind"/> (one of this class's sets).</summary>
    public static bool IsIn(this ResourceModel resource, IReadOnlySet<string> kind) => kind.Contains(resource.Type);

    private static HashSet<string> Set(params string[] types) => new(types, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A data-plane host name suffix and the resource type it belongs to; see <see cref="ResourceKinds.HostSuffixes"/>.</summary>
/// <param name="Suffix">The suffix after the resource name, without a leading dot (<c>vault.azure.net</c>).</param>
/// <param name="Type">The resource type, e.g. <c>Microsoft.KeyVault/vaults</c>.</param>
public sealed record HostSuffix(string Suffix, string Type);

/// <summary>A service whose keys <c>list*()</c> copies out; see <see cref="ResourceKinds.KeyServices"/>.</summary>
/// <param name="TypePrefix">The type, or a provider prefix ending in <c>/</c>, compared with <c>StartsWith</c>.</param>
/// <param name="Name">What it is, with its article (<c>a storage account</c>).</param>
/// <param name="AppAdvice">What an app that holds the key should do instead (INFRA1002).</param>
/// <param name="CallerRole">The role the callers of a key kept in Key Vault need instead (INFRA1005), or null.</param>
/// <param name="AcceptsEntraId">False where the key has no Microsoft Entra ID alternative (API Management).</param>
public sealed record KeyService(string TypePrefix, string Name, string AppAdvice, string? CallerRole, bool AcceptsEntraId = true);

/// <summary>Text that names a resource type; see <see cref="ResourceKinds.ConnectionStringHints"/>.</summary>
/// <param name="Type">The resource type the text points at.</param>
/// <param name="Markers">Any one of these, compared case-insensitively, is a match.</param>
/// <param name="AlsoRequired">When set, the text must contain this as well.</param>
public sealed record TypeHint(string Type, IReadOnlyList<string> Markers, string? AlsoRequired = null)
{
    /// <summary>True when <paramref name="text"/> contains one of the markers (and <see cref="AlsoRequired"/>).</summary>
    public bool Matches(string text) =>
        (AlsoRequired is null || text.Contains(AlsoRequired, StringComparison.OrdinalIgnoreCase))
        && Markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
}
