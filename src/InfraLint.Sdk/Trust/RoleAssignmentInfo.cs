using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>A <c>Microsoft.Authorization/roleAssignments</c> resource, linked to its principal, role and scope.</summary>
/// <param name="Template">The template that declares it.</param>
/// <param name="Resource">The role assignment resource.</param>
/// <param name="Principal">Whose identity it is; null when InfraLint cannot tell (a loop item, a <c>reference()</c> it cannot follow).</param>
/// <param name="Role">The role; null when the role definition id is not known.</param>
/// <param name="Scope">Where it applies; null when the scope cannot be evaluated.</param>
/// <param name="RoleToken">The <c>roleDefinitionId</c> property (a <see cref="JProperty"/>), where role-based findings point.</param>
/// <param name="ScopeToken">The <c>scope</c> property (a <see cref="JProperty"/>); null when the scope is the deployment's own (findings then point at the resource).</param>
/// <param name="PrincipalType">The <c>principalType</c> property when known (<c>ServicePrincipal</c>, <c>User</c>, <c>Group</c> …).</param>
public sealed record RoleAssignmentInfo(TemplateModel Template, ResourceModel Resource, IdentityInfo? Principal, RoleInfo? Role,
    ScopeInfo? Scope, JToken? RoleToken, JToken? ScopeToken, string? PrincipalType = null)
{
    /// <summary>True when the principal runs unattended: a managed identity, or a principal declared as a service principal.</summary>
    public bool IsWorkload => Principal?.IsWorkload == true || string.Equals(PrincipalType, "ServicePrincipal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The role's name for messages (its GUID when InfraLint does not know it).</summary>
    public string RoleName => Role?.Name ?? "a role";
}
