namespace InfraLint.Sdk;

/// <summary>
/// Which role assignments an approval covers; every part given must match, a part left out matches anything.
/// </summary>
/// <param name="Identity">The principal: a symbolic or resource name (<c>*</c> matches any run of characters), a parameter name or a configured principal's name.</param>
/// <param name="PrincipalId">The principal's object id.</param>
/// <param name="Role">The role's name or GUID.</param>
/// <param name="Scope">A resource or resource-group name (or pattern), or one of the words <c>resource</c>, <c>resourceGroup</c>, <c>subscription</c>.</param>
public sealed record ApprovalSelector(string? Identity, string? PrincipalId, string? Role, string? Scope)
{
    /// <summary>
    /// True when the selector matches <paramref name="assignment"/>, false when it does not, null when InfraLint cannot
    /// tell (a part of the assignment it needs is unknown).
    /// </summary>
    public bool? Matches(RoleAssignmentInfo assignment)
    {
        bool?[] parts =
        [
            Identity is null ? true : MatchIdentity(Identity, assignment.Principal),
            PrincipalId is null ? true : assignment.Principal?.PrincipalId is { } id ? string.Equals(id, PrincipalId, StringComparison.OrdinalIgnoreCase) : null,
            Role is null ? true : MatchRole(Role, assignment.Role),
            Scope is null ? true : MatchScope(Scope, assignment.Scope),
        ];
        if (parts.Contains(false))
            return false;
        return parts.Contains(null) ? null : true;
    }

    private static bool? MatchIdentity(string pattern, IdentityInfo? principal)
    {
        if (principal is null)
            return null;
        if (NamePattern.MatchesIdentity(pattern, principal))
            return true;
        var nameKnown = principal.Kind == IdentityKind.Principal ? principal.PrincipalId is not null : principal.Resource?.EvaluatedName is not null;
        return nameKnown ? false : null;
    }

    private static bool? MatchRole(string pattern, RoleInfo? role)
    {
        if (role is null)
            return null;
        if (NamePattern.MatchesRole(pattern, role))
            return true;
        // A GUID InfraLint does not know may be the role the approval names.
        var known = !string.Equals(role.Name, role.Id, StringComparison.OrdinalIgnoreCase) || Guid.TryParse(pattern, out _);
        return known ? false : null;
    }

    private static bool? MatchScope(string pattern, ScopeInfo? scope)
    {
        if (scope is null)
            return null;
        ScopeLevel? level = pattern switch
        {
            "resource" => ScopeLevel.Resource,
            "resourceGroup" => ScopeLevel.ResourceGroup,
            "subscription" => ScopeLevel.Subscription,
            _ => null,
        };
        if (level is not null)
            return scope.Level == level;
        if (NamePattern.Matches(pattern, scope.Name) || NamePattern.Matches(pattern, scope.Resource?.SymbolicName))
            return true;
        return scope.Name is null ? null : false;
    }
}
