using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>A <c>Microsoft.Authorization/roleAssignments</c> resource, linked to its principal, role and scope.</summary>
/// <param name="Template">The template that declares it.</param>
/// <param name="Resource">The role assignment resource.</param>
/// <param name="Principal">Whose identity it is; null when InfraLint cannot tell (a loop item, a <c>reference()</c> it cannot follow).</param>
/// <param name="Role">The role; null when the role definition id is not known.</param>
/// <param name="Scope">Where it applies; null when the scope cannot be evaluated.</param>
/// <param name="RoleToken">The <c>roleDefinitionId</c> property, where role-based findings point.</param>
/// <param name="ScopeToken">The <c>scope</c> property; null when the scope is the deployment's own (findings then point at the resource).</param>
public sealed record RoleAssignmentInfo(TemplateModel Template, ResourceModel Resource, IdentityInfo? Principal, RoleInfo? Role,
    ScopeInfo? Scope, JToken? RoleToken, JToken? ScopeToken);
