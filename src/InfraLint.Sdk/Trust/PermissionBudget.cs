namespace InfraLint.Sdk;

/// <summary>
/// An entry of <c>permissionBudgets</c> in infralint.json: the most an identity may ever be granted.
/// A role is within the budget when it is on <see cref="AllowedRoles"/>, or when its action classes are
/// known and all among <see cref="AllowedActions"/>.
/// </summary>
/// <param name="Identity">The identity: a symbolic name, a resource name (<c>*</c> matches any run of characters), a parameter name or a principal id.</param>
/// <param name="AllowedRoles">Roles (names or GUIDs) always within the budget; null when the budget lists none.</param>
/// <param name="AllowedActions">The action classes any role may grant; null when the budget does not limit classes.</param>
/// <param name="WidestScope">The widest scope a role may apply to; null when the budget does not limit scopes.</param>
public sealed record PermissionBudget(string Identity, IReadOnlyList<string>? AllowedRoles, ActionClasses? AllowedActions, ScopeLevel? WidestScope)
{
    /// <summary>True when the budget names <paramref name="identity"/>.</summary>
    public bool Covers(IdentityInfo identity) => NamePattern.MatchesIdentity(Identity, identity);

    /// <summary>True when <paramref name="role"/> is on <see cref="AllowedRoles"/>.</summary>
    public bool Lists(RoleInfo role) => AllowedRoles?.Any(r => NamePattern.MatchesRole(r, role)) == true;

    /// <summary>
    /// The action classes of <paramref name="role"/> outside the budget: <see cref="ActionClasses.None"/> when the role
    /// is within it, null when InfraLint cannot tell (the budget limits classes only and the role's classes are unknown).
    /// When the budget only lists roles, a role not on the list is outside it whatever it does: its own classes are returned
    /// (<see cref="ActionClasses.All"/> when unknown).
    /// </summary>
    public ActionClasses? Excess(RoleInfo role)
    {
        if (Lists(role))
            return ActionClasses.None;
        if (AllowedActions is { } allowed)
            return role.Classes is { } classes ? classes & ~allowed : null;
        return AllowedRoles is null ? ActionClasses.None : role.Classes ?? ActionClasses.All;
    }

    /// <summary>True when <paramref name="scope"/> is wider than <see cref="WidestScope"/>.</summary>
    public bool IsExceededBy(ScopeInfo scope) => WidestScope is { } widest && scope.Level > widest;
}
