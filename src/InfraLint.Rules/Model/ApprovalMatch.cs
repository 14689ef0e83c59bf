using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>
/// How the approvals of infralint.json cover one role assignment.
/// </summary>
/// <param name="Approval">The matching approval that lasts longest; null when none matches.</param>
/// <param name="PossiblyLater">The latest expiry among approvals that may match (a part of the assignment they name is unknown); null when there are none.</param>
internal readonly record struct ApprovalMatch(Approval? Approval, DateOnly? PossiblyLater)
{
    public static ApprovalMatch For(IReadOnlyList<Approval> approvals, RoleAssignmentInfo assignment)
    {
        Approval? best = null;
        DateOnly? possibly = null;
        foreach (var approval in approvals)
        {
            switch (approval.Selector.Matches(assignment))
            {
                case true when best is null || approval.Expires > best.Expires:
                    best = approval;
                    break;
                case null when possibly is null || approval.Expires > possibly:
                    possibly = approval.Expires;
                    break;
            }
        }
        return new ApprovalMatch(best, possibly);
    }

    /// <summary>True when no approval matches and none may: the assignment is certainly unapproved.</summary>
    public bool IsMissing => Approval is null && PossiblyLater is null;

    /// <summary>The approval that decides the assignment, unless one that may match would last longer.</summary>
    public Approval? Deciding => Approval is { } a && (PossiblyLater is null || PossiblyLater <= a.Expires) ? a : null;

    /// <summary>The principal for messages.</summary>
    public static string PrincipalOf(RoleAssignmentInfo assignment) =>
        assignment.Principal is { } p ? $"'{p.Name}'" : "its principal";
}
