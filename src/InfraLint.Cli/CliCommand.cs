namespace InfraLint.Cli;

internal enum CliCommand
{
    /// <summary><c>infralint check</c>: report findings.</summary>
    Check,
    /// <summary><c>infralint baseline create</c>: write today's findings as a SARIF baseline.</summary>
    BaselineCreate,
    /// <summary><c>infralint graph</c>: draw who can do what, where (docs/graph.md).</summary>
    Graph,
    /// <summary><c>infralint deployments</c>: list the deployments a repository declares.</summary>
    Deployments,
    /// <summary><c>infralint merge</c>: put the reports of <c>--shard K/N</c> runs back into one.</summary>
    Merge,
    /// <summary><c>infralint diff --base REF</c>: what a change gives to whom (docs/diff.md).</summary>
    Diff,
}
