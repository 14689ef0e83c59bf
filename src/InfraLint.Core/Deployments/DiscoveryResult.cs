namespace InfraLint.Core.Deployments;

/// <summary>What deployment discovery found under a repository root, sorted by template then name, and the files it skipped with why.</summary>
public sealed record DiscoveryResult(string Root, IReadOnlyList<DeclaredDeployment> Deployments, IReadOnlyList<string> Notes)
{
    public static DiscoveryResult Empty(string root) => new(root, [], []);
}
