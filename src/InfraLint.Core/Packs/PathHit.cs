using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Packs;

/// <summary>What a <see cref="PropertyPath"/> reached: a value, nothing, or something InfraLint cannot evaluate.</summary>
/// <param name="Path">The concrete path, e.g. <c>properties.siteConfig.appSettings[2].value</c>.</param>
/// <param name="Token">The value's JSON, when present.</param>
/// <param name="Anchor">The template token a finding about it points at: the property (its key line), the array element, or the expression that built it.</param>
internal sealed record PathHit(string Path, PathHitKind Kind, JToken? Token = null, JToken? Anchor = null)
{
    public static PathHit Present(string path, JToken token, JToken anchor) => new(path, PathHitKind.Present, token, anchor);

    public static PathHit Missing(string path) => new(path, PathHitKind.Missing);

    public static PathHit Unknown(string path) => new(path, PathHitKind.Unknown);
}

internal enum PathHitKind
{
    Present,
    Missing,
    Unknown,
}
