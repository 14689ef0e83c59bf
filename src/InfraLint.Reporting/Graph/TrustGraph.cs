namespace InfraLint.Reporting.Graph;

/// <summary>
/// Who can do what, where: identities, the resources that run as them, their role assignments and the scopes
/// and stores they reach, across every analysed deployment, with the findings that concern each. Nodes and
/// edges are deduplicated and sorted, so the same input gives the same picture byte for byte.
/// </summary>
public sealed record TrustGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>The environments in the order pictures show them.</summary>
    public static readonly IReadOnlyList<string> EnvironmentOrder = ["production", "sandbox", "unknown"];

    /// <summary>The environments that have at least one node, in <see cref="EnvironmentOrder"/>.</summary>
    public IReadOnlyList<string> Environments => EnvironmentOrder.Where(e => Nodes.Any(n => n.Environment == e)).ToList();

    /// <summary>Every finding on a node or edge, once, in path, line, column and id order.</summary>
    public IReadOnlyList<GraphFinding> Findings =>
        Nodes.SelectMany(n => n.Findings).Concat(Edges.SelectMany(e => e.Findings)).Distinct().Order(GraphFinding.Comparer).ToList();
}

/// <summary>What a node stands for.</summary>
public enum GraphNodeKind
{
    /// <summary>A resource: compute that runs as an identity or reads settings, or a resource a role or a setting reaches.</summary>
    Resource,

    /// <summary>A user-assigned or system-assigned managed identity, or a principal from outside the deployment.</summary>
    Identity,

    /// <summary>A role assignment: which role, with which action classes.</summary>
    RoleAssignment,

    /// <summary>A resource group, subscription, management group or tenant a role is granted on.</summary>
    Scope,
}

/// <summary>One node.</summary>
/// <param name="Id">Stable key: <c>resource:microsoft.search/searchservices/srch-contoso-chat-prod</c>, <c>identity:…</c>, <c>assignment:…</c>, <c>scope:…</c>.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Label">The name people know it by.</param>
/// <param name="Detail">A second line: the resource type, the identity kind, the role's action classes, the scope level.</param>
/// <param name="Environment"><c>production</c>, <c>sandbox</c> or <c>unknown</c>.</param>
/// <param name="EnvironmentEvidence">What decided the environment (a tag, a name, a folder); empty when unknown.</param>
/// <param name="Column">Where layered pictures put it: 0 compute, 1 identities, 2 role assignments, 3 scopes and stores.</param>
/// <param name="Locations">Where it is declared (repository-relative path and line), when in an analysed file.</param>
/// <param name="Findings">The findings that concern it.</param>
public sealed record GraphNode(string Id, GraphNodeKind Kind, string Label, string Detail, string Environment, string EnvironmentEvidence,
    int Column, IReadOnlyList<GraphLocation> Locations, IReadOnlyList<GraphFinding> Findings)
{
    /// <summary><c>userAssigned</c>, <c>systemAssigned</c> or <c>principal</c> for identities.</summary>
    public string? IdentityKind { get; init; }

    /// <summary>The resource type for resources and resource scopes.</summary>
    public string? ResourceType { get; init; }

    /// <summary><c>resourceGroup</c>, <c>subscription</c>, <c>managementGroup</c> or <c>tenant</c> for scopes; <c>resource</c> … for role assignments: the level of their scope.</summary>
    public string? ScopeLevel { get; init; }

    /// <summary>For role assignments: the role.</summary>
    public GraphRole? Role { get; init; }
}

/// <summary>A role of a role assignment.</summary>
/// <param name="Name">Its name, or its GUID when InfraLint does not know it; <c>unknown role</c> when the id cannot be evaluated.</param>
/// <param name="Actions"><c>read</c>, <c>write</c>, <c>trigger</c>, <c>approve</c>; empty when not known.</param>
/// <param name="Privileged">Owner, Contributor, User Access Administrator, RBAC Administrator or a custom role that grants roles.</param>
public sealed record GraphRole(string Name, IReadOnlyList<string> Actions, bool Privileged);

/// <summary>What an edge says.</summary>
public enum GraphEdgeKind
{
    /// <summary>From a resource to the identity attached to it (the resource runs as that identity).</summary>
    AttachedTo,

    /// <summary>From an identity to a role assignment naming it as principal.</summary>
    Holds,

    /// <summary>From a role assignment to the scope it is granted on.</summary>
    GrantedOn,

    /// <summary>From a resource to a store, Key Vault or AI service one of its settings points at.</summary>
    References,
}

/// <summary>One edge.</summary>
/// <param name="From">The source node's id.</param>
/// <param name="To">The target node's id.</param>
/// <param name="Kind">What it says.</param>
/// <param name="Label">The setting names of a reference; empty otherwise.</param>
/// <param name="CrossesEnvironments">True when one end is sandbox and the other production.</param>
/// <param name="Findings">The findings that concern it (a setting that points at production).</param>
public sealed record GraphEdge(string From, string To, GraphEdgeKind Kind, string Label, bool CrossesEnvironments, IReadOnlyList<GraphFinding> Findings)
{
    /// <summary>For a reference: each setting name, sorted (<see cref="Label"/> joins them).</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>For a reference: where its settings are written (repository-relative path and line), sorted.</summary>
    public IReadOnlyList<GraphLocation> Locations { get; init; } = [];
}

/// <summary>A repository-relative place.</summary>
public sealed record GraphLocation(string File, int Line);

/// <summary>A finding as a picture shows it.</summary>
public sealed record GraphFinding(string Id, string Severity, string Message, string File, int Line, int Column, string HelpUri)
{
    internal static readonly IComparer<GraphFinding> Comparer = Comparer<GraphFinding>.Create((a, b) =>
    {
        var byFile = string.CompareOrdinal(a.File, b.File);
        if (byFile != 0)
            return byFile;
        if (a.Line != b.Line)
            return a.Line.CompareTo(b.Line);
        if (a.Column != b.Column)
            return a.Column.CompareTo(b.Column);
        var byId = string.CompareOrdinal(a.Id, b.Id);
        return byId != 0 ? byId : string.CompareOrdinal(a.Message, b.Message);
    });
}
