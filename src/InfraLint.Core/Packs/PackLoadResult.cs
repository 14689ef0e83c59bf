using InfraLint.Sdk;

namespace InfraLint.Core.Packs;

/// <summary>A pack, or null when it could not be loaded, and the INFRA0003 findings about its file.</summary>
/// <param name="IdLocations">Where each rule id is declared, for reporting a collision there; the pack file's start otherwise.</param>
internal sealed record PackLoadResult(RulePack? Pack, IReadOnlyList<Finding> Problems, IReadOnlyDictionary<string, SourceLocation>? IdLocations = null)
{
    public static PackLoadResult Failed(Finding problem) => new(null, [problem]);
}
