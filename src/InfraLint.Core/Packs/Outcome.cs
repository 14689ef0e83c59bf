namespace InfraLint.Core.Packs;

/// <summary>A condition's truth, and the value that decided it (where a finding points).</summary>
internal sealed record Outcome(Truth Truth, PathHit? DecidedBy)
{
    public Outcome Negate() => this with { Truth = Truth switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown } };
}
