namespace InfraLint.Core.Packs;

/// <summary>Three-valued logic: a condition over a value InfraLint cannot evaluate is <see cref="Unknown"/>, never false.</summary>
internal enum Truth
{
    False,
    True,
    Unknown,
}
