namespace InfraLint.Sdk;

/// <summary>An entry of <c>approvals</c> in infralint.json: who approved which role assignments, and until when.</summary>
/// <param name="Selector">The role assignments it covers.</param>
/// <param name="Approver">Who approved.</param>
/// <param name="Reference">The change ticket or pull request.</param>
/// <param name="Expires">The last day the approval holds.</param>
public sealed record Approval(ApprovalSelector Selector, string Approver, string Reference, DateOnly Expires)
{
    /// <summary>True when <paramref name="today"/> is after <see cref="Expires"/>.</summary>
    public bool IsExpired(DateOnly today) => today > Expires;
}
