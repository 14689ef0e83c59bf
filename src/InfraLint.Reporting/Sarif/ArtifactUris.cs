using InfraLint.Reporting.Output;


namespace InfraLint.Reporting.Sarif;

/// <summary>SARIF artifact URIs: relative to <c>%SRCROOT%</c> for files under the source root.</summary>
internal static class ArtifactUris
{
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>A percent-encoded relative reference (a space becomes %20, as the uri-reference format requires),
    /// or an absolute <c>file:</c> URI for a file outside the root, which has no machine-independent name.</summary>
    public static (Uri Uri, string? BaseId) For(string path, SourceRoot root) =>
        root.RelativePath(path) is { } relative
            ? (new Uri(string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), UriKind.Relative), SourceRootId)
            : (new Uri(Path.GetFullPath(path), UriKind.Absolute), null);
}
