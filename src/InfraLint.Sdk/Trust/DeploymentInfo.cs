using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>A resource a value points at: by <c>resourceId()</c>, <c>reference()</c>, a resource id string or a host name.</summary>
/// <param name="Type">The resource type when known.</param>
/// <param name="Name">The resource's name (or host) for messages.</param>
/// <param name="Environment">Its environment.</param>
/// <param name="Resource">The resource when it is declared in this deployment (<c>existing</c> ones included).</param>
public sealed record ResourceReference(string? Type, string Name, EnvironmentInfo Environment, ResourceModel? Resource = null);

/// <summary>
/// One deployment: an entry file (or a parameters file and its template) with the modules it deploys.
/// Links identities, role assignments and environments across those templates. Every template of a
/// deployment returns the same instance from <see cref="TemplateModel.Deployment"/>.
/// </summary>
public abstract class DeploymentInfo
{
    /// <summary>The entry template (the file analysed, or the template a parameters file uses).</summary>
    public abstract TemplateModel Entry { get; }

    /// <summary>The parameters file the deployment was analysed through, if any.</summary>
    public abstract string? ParametersFile { get; }

    /// <summary>The name of the deployment a repository declares (a pipeline job, an azd environment, an infralint.json
    /// entry), or null for a template analysed on its own.</summary>
    public virtual string? Name => null;

    /// <summary>The entry template, then the modules and nested deployments it deploys.</summary>
    public abstract IReadOnlyList<TemplateModel> Templates { get; }

    /// <summary>The environment of the deployment's own scope (its resource group, subscription, parameters file or folder).</summary>
    public abstract EnvironmentInfo Environment { get; }

    /// <summary>Identities declared or named in the deployment (user-assigned, system-assigned of compute, principal parameters).</summary>
    public abstract IReadOnlyList<IdentityInfo> Identities { get; }

    /// <summary>Every role assignment of every template, with its principal, role and scope.</summary>
    public abstract IReadOnlyList<RoleAssignmentInfo> RoleAssignments { get; }

    /// <summary>
    /// Permission budgets, approvals and the date to judge them by, from the infralint.json that applies to the
    /// deployment's entry file; <see cref="PermissionPolicy.None"/> when it declares none.
    /// </summary>
    public virtual PermissionPolicy Permissions => PermissionPolicy.None;

    /// <summary>The environment of the scope <paramref name="template"/> deploys to.</summary>
    public abstract EnvironmentInfo EnvironmentOf(TemplateModel template);

    /// <summary>The environment of a resource of one of <see cref="Templates"/>: its tags, its name, then its template's scope.</summary>
    public abstract EnvironmentInfo EnvironmentOf(ResourceModel resource);

    /// <summary>The template of <see cref="Templates"/> that declares <paramref name="resource"/>.</summary>
    public abstract TemplateModel? TemplateOf(ResourceModel resource);

    /// <summary>
    /// The module or nested deployment (a <c>Microsoft.Resources/deployments</c> resource of another of <see cref="Templates"/>)
    /// that deploys <paramref name="template"/>; null for the entry, or when it is not known.
    /// </summary>
    public virtual ResourceModel? DeployedBy(TemplateModel template) => null;

    /// <summary>The resources <paramref name="value"/> (a token of <paramref name="template"/>) points at.</summary>
    public abstract IReadOnlyList<ResourceReference> References(TemplateModel template, JToken value);
}
