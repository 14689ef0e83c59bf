namespace InfraLint.Sdk;

/// <summary>
/// What infralint.json says about permissions for a deployment: budgets per identity, approvals of
/// high-impact grants, which grants are high-impact, and the date approvals are compared with.
/// </summary>
/// <param name="Budgets">The <c>permissionBudgets</c> entries, in file order.</param>
/// <param name="Approvals">The <c>approvals</c> entries; null when the configuration does not declare approvals (approval rules stay silent).</param>
/// <param name="HighImpactActions">Action classes that make a role high-impact on a production scope (default write and approve).</param>
/// <param name="HighImpactRoles">Roles (names or GUIDs) that are high-impact on a production scope whatever their classes.</param>
/// <param name="Today">The date approvals' <c>expires</c> are compared with.</param>
public sealed record PermissionPolicy(IReadOnlyList<PermissionBudget> Budgets, IReadOnlyList<Approval>? Approvals,
    ActionClasses HighImpactActions, IReadOnlyList<string> HighImpactRoles, DateOnly Today)
{
    /// <summary>The default action classes that make a production grant high-impact.</summary>
    public const ActionClasses DefaultHighImpactActions = ActionClasses.Write | ActionClasses.Approve;

    /// <summary>The default of <see cref="SecretReadersMax"/>.</summary>
    public const int DefaultSecretReadersMax = 3;

    /// <summary>
    /// The most workload identities that may read one Key Vault's secrets (<c>secretReaders.max</c>; default
    /// <see cref="DefaultSecretReadersMax"/>).
    /// </summary>
    public int SecretReadersMax { get; init; } = DefaultSecretReadersMax;

    /// <summary>No budgets, no approvals: the permission rules stay silent.</summary>
    public static readonly PermissionPolicy None = new([], null, DefaultHighImpactActions, [], DateOnly.MinValue);

    /// <summary>The first budget that names <paramref name="identity"/>, or null.</summary>
    public PermissionBudget? BudgetFor(IdentityInfo identity) => Budgets.FirstOrDefault(b => b.Covers(identity));

    /// <summary>
    /// True when <paramref name="assignment"/> applies to a production scope and its role is privileged, grants one of
    /// <see cref="HighImpactActions"/> or is one of <see cref="HighImpactRoles"/>; false when any of that is unknown.
    /// </summary>
    public bool IsHighImpact(RoleAssignmentInfo assignment) =>
        assignment is { Scope.Environment.IsProduction: true, Role: { } role } &&
        (role.IsPrivileged || role.Grants(HighImpactActions) || HighImpactRoles.Any(r => NamePattern.MatchesRole(r, role)));
}
