using InfraLint.Sdk;

namespace InfraLint.Reporting.Graph;

/// <summary>A node while the graph is collected: several deployments may add to it.</summary>
internal sealed class NodeDraft(string id, GraphNodeKind kind, string label, string detail, EnvironmentInfo environment)
{
    public string Id { get; } = id;
    public GraphNodeKind Kind { get; } = kind;
    public string Label { get; } = label;
    public string Detail { get; } = detail;
    public EnvironmentInfo Environment { get; private set; } = environment;
    public SortedSet<(string File, int Line)> Locations { get; } = new();
    public HashSet<GraphFinding> Findings { get; } = new();
    public bool RunsOrReads { get; set; }
    public string? IdentityKind { get; init; }
    public string? ResourceType { get; init; }
    public string? ScopeLevel { get; init; }
    public GraphRole? Role { get; init; }

    // A module analysed through its caller knows more than the same file on its own; the first known environment stays.
    public void Classify(EnvironmentInfo environment)
    {
        if (!Environment.IsKnown && environment.IsKnown)
            Environment = environment;
    }

    public GraphNode Freeze()
    {
        var column = Kind switch
        {
            GraphNodeKind.Identity => 1,
            GraphNodeKind.RoleAssignment => 2,
            GraphNodeKind.Scope => 3,
            _ => RunsOrReads ? 0 : 3,
        };
        return new GraphNode(Id, Kind, Label, Detail, Environment.Name, Environment.Evidence, column,
            Locations.Select(l => new GraphLocation(l.File, l.Line)).ToList(), Findings.Order(GraphFinding.Comparer).ToList())
        {
            IdentityKind = IdentityKind,
            ResourceType = ResourceType,
            ScopeLevel = ScopeLevel,
            Role = Role,
        };
    }
}
