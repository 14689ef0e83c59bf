namespace InfraLint.Sdk;

/// <summary>How wide a scope is, narrowest first.</summary>
public enum ScopeLevel
{
    /// <summary>One resource.</summary>
    Resource,

    /// <summary>A resource group.</summary>
    ResourceGroup,

    /// <summary>A subscription.</summary>
    Subscription,

    /// <summary>A management group.</summary>
    ManagementGroup,

    /// <summary>The tenant.</summary>
    Tenant,
}

/// <summary>Where a role assignment applies.</summary>
/// <param name="Level">Resource, resource group, subscription …</param>
/// <param name="Name">The resource (its symbolic name when its name is computed at deployment), group, subscription or management group name; null when not known.</param>
/// <param name="Environment">The scope's environment.</param>
/// <param name="Resource">The scope resource when it is declared in this deployment.</param>
/// <param name="ResourceType">The scope resource's type when the scope is a resource.</param>
public sealed record ScopeInfo(ScopeLevel Level, string? Name, EnvironmentInfo Environment, ResourceModel? Resource = null, string? ResourceType = null)
{
    /// <summary><c>resource</c>, <c>resource group</c>, <c>subscription</c>, <c>management group</c> or <c>tenant</c>.</summary>
    public string LevelName => Level switch
    {
        ScopeLevel.ResourceGroup => "resource group",
        ScopeLevel.ManagementGroup => "management group",
        _ => Level.ToString().ToLowerInvariant(),
    };

    /// <summary>For messages: <c>resource group 'rg-exp-chat'</c>, or <c>the deployment's resource group</c> when it is not named.</summary>
    public string Description => (Name, Level, ResourceType) switch
    {
        (not null, _, _) => $"{LevelName} '{Name}'",
        (null, ScopeLevel.Resource, { } type) => $"a {type} resource",
        _ => $"the deployment's {LevelName}",
    };
}
