namespace InfraLint.Reporting.Diff;

/// <summary>
/// One change in who can do what, where (issue 25's JSON contract): every field is always written, null where it does not
/// apply. <see cref="File"/> and <see cref="Line"/> are in the head for added and changed things, in the base for removed ones.
/// </summary>
public sealed record TrustChange(string Kind, bool Widening)
{
    public string? Principal { get; init; }
    public string? Identity { get; init; }
    public string? Role { get; init; }
    public string? ScopeLevel { get; init; }
    public string? Scope { get; init; }
    public string? Environment { get; init; }
    public string? Resource { get; init; }
    public string? Setting { get; init; }
    public string? RuleId { get; init; }
    public string? File { get; init; }
    public int? Line { get; init; }
    public string Message { get; init; } = string.Empty;

    /// <summary>For <c>grantWidened</c> and <c>grantNarrowed</c>: the base's role, scope level and scope.</summary>
    public PreviousGrant? Previous { get; init; }

    /// <summary>
    /// The <see cref="DiffKeys"/> of what the change is about (in the head for added and changed things, in the base for
    /// removed ones), so the graph marks exactly what the diff reports. Not written: the JSON contract is fixed.
    /// </summary>
    internal IReadOnlyList<string> Touches { get; init; } = [];

    /// <summary>For <c>grantWidened</c> and <c>grantNarrowed</c>: the base grant's key, which is the head grant's in the picture.</summary>
    internal string? PreviousKey { get; init; }

    /// <summary><see cref="TrustDiff.Neutral"/>, <see cref="TrustDiff.Narrowing"/> or <see cref="TrustDiff.WideningGroup"/>.</summary>
    public string Group => Widening ? TrustDiff.WideningGroup : Kind is ChangeKinds.IdentityAdded or ChangeKinds.IdentityRemoved ? TrustDiff.Neutral : TrustDiff.Narrowing;
}

/// <summary>The base's side of a changed grant.</summary>
public sealed record PreviousGrant(string Role, string? ScopeLevel, string Scope);

/// <summary>The change kinds of the contract, as they are written.</summary>
public static class ChangeKinds
{
    public const string IdentityAdded = "identityAdded";
    public const string IdentityRemoved = "identityRemoved";
    public const string GrantAdded = "grantAdded";
    public const string GrantRemoved = "grantRemoved";
    public const string GrantWidened = "grantWidened";
    public const string GrantNarrowed = "grantNarrowed";
    public const string AttachmentAdded = "attachmentAdded";
    public const string AttachmentRemoved = "attachmentRemoved";
    public const string ReferenceAdded = "referenceAdded";
    public const string ReferenceRemoved = "referenceRemoved";
    public const string CrossEnvironmentAdded = "crossEnvironmentAdded";
    public const string SecretAdded = "secretAdded";
    public const string SecretRemoved = "secretRemoved";
    public const string FindingNew = "findingNew";
    public const string FindingFixed = "findingFixed";
}
