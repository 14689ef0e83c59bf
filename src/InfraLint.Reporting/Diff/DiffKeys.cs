using System.Globalization;
using InfraLint.Reporting.Graph;

namespace InfraLint.Reporting.Diff;

/// <summary>
/// The stable keys a trust diff matches by, as the graph diff marks nodes and edges with them: an identity, resource or
/// scope by its graph id (type and evaluated name), a role assignment by its grant (principal, role, scope), an edge by its
/// kind and its ends' keys, a finding by rule, file, line and message. One definition, so the diff and the picture of it
/// cannot disagree about what changed.
/// </summary>
internal static class DiffKeys
{
    public static string Node(string graphId) => "node|" + graphId;

    public static string Grant(string grantKey) => Node("grant:" + grantKey);

    public static string Edge(GraphEdgeKind kind, string fromKey, string toKey) => $"edge|{kind}|{fromKey}|{toKey}";

    public static string Finding(string ruleId, string? file, int? line, string message) =>
        $"finding|{ruleId}|{file}|{line?.ToString(CultureInfo.InvariantCulture)}|{message}";

    public static string Finding(GraphFinding finding) => Finding(finding.Id, finding.File, finding.Line, finding.Message);

    /// <summary>A role assignment and its two edges: what a grant change touches.</summary>
    public static IReadOnlyList<string> GrantParts(SnapshotGrant grant)
    {
        var node = Grant(grant.Key);
        return [node, Edge(GraphEdgeKind.Holds, Node(grant.PrincipalKey), node), Edge(GraphEdgeKind.GrantedOn, node, Node(grant.ScopeKey))];
    }
}
