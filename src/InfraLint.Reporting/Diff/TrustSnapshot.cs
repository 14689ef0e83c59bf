using System.Text.RegularExpressions;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Diff;

/// <summary>
/// What one revision of a repository gives to whom, as a trust diff compares it: identities, compute ↔ identity
/// attachments, role assignments, settings that point at stores and AI services, and findings. Everything is keyed by
/// what stays the same when code is renamed or moved (resource type and evaluated name, principal, role, scope, rule and
/// property path), never by a symbolic name or a line; locations are repository-relative and only say where to look.
/// </summary>
public sealed record TrustSnapshot(
    IReadOnlyList<SnapshotIdentity> Identities,
    IReadOnlyList<SnapshotGrant> Grants,
    IReadOnlyList<SnapshotLink> Links,
    IReadOnlyList<SnapshotFinding> Findings)
{
    public static TrustSnapshot Empty { get; } = new([], [], [], []);

    /// <summary>The snapshot of a trust graph and the findings of the same run (suppressed ones and InfraLint's own are left out).</summary>
    public static TrustSnapshot Of(TrustGraph graph, IEnumerable<Finding> findings, SourceRoot root)
    {
        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        // A system-assigned identity is declared by its resource: it is shown there.
        var identities = graph.Nodes.Where(n => n.Kind == GraphNodeKind.Identity)
            .Select(n => new SnapshotIdentity(n.Id, n.Label, n.Environment, First(n.Locations) ??
                graph.Edges.Where(e => e.Kind == GraphEdgeKind.AttachedTo && e.To == n.Id).Select(e => First(nodes[e.From].Locations)).FirstOrDefault()))
            .ToList();

        var grants = GrantsOf(graph).Select(g => g.Grant).ToList();

        var links = new List<SnapshotLink>();
        foreach (var edge in graph.Edges)
        {
            var from = nodes[edge.From];
            var to = nodes[edge.To];
            if (edge.Kind == GraphEdgeKind.AttachedTo)
                links.Add(new SnapshotLink(LinkKind.Attachment, from.Id, from.Label, to.Id, to.Label, null, to.Environment, edge.CrossesEnvironments, First(from.Locations)));
            else if (edge.Kind == GraphEdgeKind.References)
            {
                // One link per setting, so that a setting added to a reference that was already there is a change of its own.
                foreach (var setting in edge.Settings.DefaultIfEmpty(edge.Label))
                    links.Add(new SnapshotLink(LinkKind.Reference, from.Id, from.Label, to.Id, to.Label, setting, to.Environment, edge.CrossesEnvironments,
                        First(edge.Locations) ?? First(from.Locations)));
            }
        }

        var snapshotFindings = findings
            .Where(f => f is { Suppression: null } && f.Severity > Severity.Silent && f.Descriptor.Category != RuleCategory.Tooling)
            .Select(f => SnapshotFinding.Of(f, root))
            .ToList();
        return new TrustSnapshot(identities, grants, links, snapshotFindings);
    }

    /// <summary>Each role assignment node of <paramref name="graph"/> with the grant it is (the graph diff marks nodes by the same keys).</summary>
    internal static IEnumerable<(GraphNode Assignment, SnapshotGrant Grant)> GrantsOf(TrustGraph graph)
    {
        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var assignment in graph.Nodes.Where(n => n.Kind == GraphNodeKind.RoleAssignment))
        {
            var principal = graph.Edges.Where(e => e.Kind == GraphEdgeKind.Holds && e.To == assignment.Id).Select(e => nodes[e.From]).FirstOrDefault();
            var scope = graph.Edges.Where(e => e.Kind == GraphEdgeKind.GrantedOn && e.From == assignment.Id).Select(e => nodes[e.To]).FirstOrDefault();
            var role = assignment.Role ?? new GraphRole(assignment.Label, [], false);
            var crosses = principal is not null && Crosses(principal.Environment, assignment.Environment);
            yield return (assignment, new SnapshotGrant(principal?.Id ?? "principal:unknown", principal?.Label ?? "unknown principal", role,
                assignment.ScopeLevel, scope?.Id ?? "scope:unknown", scope?.Label ?? "unknown scope", assignment.Environment, crosses,
                First(assignment.Locations)));
        }
    }

    internal static bool Crosses(string a, string b) =>
        (a == "sandbox" && b == "production") || (a == "production" && b == "sandbox");

    private static GraphLocation? First(IReadOnlyList<GraphLocation> locations) => locations.Count > 0 ? locations[0] : null;
}

/// <summary>An identity: a user-assigned identity (by type and name), a resource's system identity, or a principal from outside.</summary>
public sealed record SnapshotIdentity(string Key, string Name, string Environment, GraphLocation? Location);

/// <summary>A role assignment: who holds which role on what.</summary>
/// <param name="ScopeLevel"><c>resource</c>, <c>resourceGroup</c>, <c>subscription</c>, <c>managementGroup</c> or <c>tenant</c>; null when unknown.</param>
/// <param name="Environment">The environment of the scope (a role assignment belongs to the environment of its scope).</param>
/// <param name="CrossesEnvironments">The principal is sandbox and the scope production, or the other way round.</param>
public sealed record SnapshotGrant(string PrincipalKey, string Principal, GraphRole Role, string? ScopeLevel, string ScopeKey, string Scope,
    string Environment, bool CrossesEnvironments, GraphLocation? Location)
{
    internal string Key => $"{PrincipalKey}|{Role.Name}|{ScopeKey}";
}

/// <summary>What a link joins.</summary>
public enum LinkKind
{
    /// <summary>Compute runs as an identity.</summary>
    Attachment,

    /// <summary>A setting of a resource points at a store, Key Vault or AI service.</summary>
    Reference,
}

/// <summary>An attachment (compute → identity) or a reference (resource → store or AI service, by one setting).</summary>
/// <param name="Environment">The environment of the target.</param>
public sealed record SnapshotLink(LinkKind Kind, string FromKey, string From, string ToKey, string To, string? Setting, string Environment,
    bool CrossesEnvironments, GraphLocation? Location)
{
    internal string Key => $"{Kind}|{FromKey}|{ToKey}|{Setting}";
}

/// <summary>A finding, keyed as a baseline matches it: rule, resource (type and evaluated name) and property path.</summary>
public sealed partial record SnapshotFinding(string Key, string RuleId, bool IsSecret, string? Resource, string Message, GraphLocation? Location)
{
    internal static SnapshotFinding Of(Finding finding, SourceRoot root)
    {
        var resourceName = finding.Resource?.EvaluatedName ?? finding.ResourceName;
        var resourceType = finding.Resource?.Type ?? finding.ResourceType;
        var location = finding.Location is { } l ? new GraphLocation(root.Display(l.FilePath), l.Line) : null;
        // A finding about no resource (a parameters file's literal) has only its file and message to be known by.
        var key = resourceName is null
            ? $"{finding.Id}|{location?.File}|{finding.Message}"
            : $"{finding.Id}|{resourceType?.ToLowerInvariant()}|{resourceName.ToLowerInvariant()}|{finding.PropertyPath}";
        return new SnapshotFinding(key, finding.Id, finding.Descriptor.Category == RuleCategory.Secrets, resourceName, finding.Message, location);
    }

    /// <summary>The key without array indexes, with the message: the same for an array element that only moved.</summary>
    internal string Moved => ArrayIndex().Replace(Key, "[]") + "|" + Message;

    [GeneratedRegex(@"\[[0-9]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayIndex();
}
