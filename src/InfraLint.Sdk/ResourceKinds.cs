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

    /// <summary>True when <paramref name="resource"/> is in <paramref name="kind"/> (one of this class's sets).</summary>
    public static bool IsIn(this ResourceModel resource, IReadOnlySet<string> kind) => kind.Contains(resource.Type);

    private static HashSet<string> Set(params string[] types) => new(types, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A data-plane host name suffix and the resource type it belongs to; see <see cref="ResourceKinds.HostSuffixes"/>.</summary>
/// <param name="Suffix">The suffix after the resource name, without a leading dot (<c>vault.azure.net</c>).</param>
/// <param name="Type">The resource type, e.g. <c>Microsoft.KeyVault/vaults</c>.</param>
public sealed record HostSuffix(string Suffix, string Type);
