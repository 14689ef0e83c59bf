namespace InfraLint.Sdk;

/// <summary>What kind of principal an identity is.</summary>
public enum IdentityKind
{
    /// <summary>A <c>Microsoft.ManagedIdentity/userAssignedIdentities</c> resource.</summary>
    UserAssigned,

    /// <summary>The system-assigned identity of a resource.</summary>
    SystemAssigned,

    /// <summary>A principal id from a parameter or a literal: a user, group or service principal outside the deployment.</summary>
    Principal,
}

/// <summary>An identity that role assignments name as principal or that compute runs as.</summary>
public sealed class IdentityInfo
{
    /// <summary>Creates an identity; the engine builds these, rules read them.</summary>
    public IdentityInfo(string name, IdentityKind kind, EnvironmentInfo environment, bool isWorkload,
        ResourceModel? resource = null, TemplateModel? template = null, string? principalId = null, string? parameter = null)
    {
        Name = name;
        Kind = kind;
        Environment = environment;
        IsWorkload = isWorkload;
        Resource = resource;
        Template = template;
        PrincipalId = principalId;
        Parameter = parameter;
    }

    /// <summary>A name for messages: the identity's resource name, the resource whose system identity it is, the parameter or the principal id.</summary>
    public string Name { get; }

    /// <summary>User-assigned, system-assigned or an outside principal.</summary>
    public IdentityKind Kind { get; }

    /// <summary>The identity's environment (its tags, its name, its deployment's scope, or configured principals).</summary>
    public EnvironmentInfo Environment { get; }

    /// <summary>True for managed identities and principals declared as service principals: something that runs unattended.</summary>
    public bool IsWorkload { get; }

    /// <summary>The user-assigned identity resource, or the resource whose system identity this is; null for outside principals and identities declared elsewhere.</summary>
    public ResourceModel? Resource { get; }

    /// <summary>The template that declares <see cref="Resource"/>.</summary>
    public TemplateModel? Template { get; }

    /// <summary>The principal id when it is written in the template or its parameters.</summary>
    public string? PrincipalId { get; }

    /// <summary>The top-level parameter the principal id comes from, if any.</summary>
    public string? Parameter { get; }

    /// <summary>Compute resources (in this deployment) that run as this identity.</summary>
    public IReadOnlyList<ResourceModel> AttachedTo => attachedTo;

    private readonly List<ResourceModel> attachedTo = new();

    /// <summary>Records that <paramref name="resource"/> runs as this identity; for the engine that builds the model.</summary>
    public void AttachTo(ResourceModel resource)
    {
        if (!attachedTo.Contains(resource))
            attachedTo.Add(resource);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
