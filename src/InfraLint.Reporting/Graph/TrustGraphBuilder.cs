using InfraLint.Reporting.Output;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Reporting.Graph;

/// <summary>
/// Draws the trust graph from the deployments an analysis collected (<see cref="Core.Engine.AnalysisOptions.CollectDeployments"/>)
/// and marks the findings on the nodes and edges they concern, matched by where they point: a role assignment's
/// declaration, <c>roleDefinitionId</c> or <c>scope</c> line, an identity's declaration, a setting's name or value
/// line, else the resource a finding is about.
/// </summary>
public sealed class TrustGraphBuilder
{
    private static readonly HashSet<string> SettingValues = new(StringComparer.OrdinalIgnoreCase) { "value", "connectionString", "keyVaultUrl", "secretRef" };

    private readonly SourceRoot root;
    private readonly Dictionary<string, NodeDraft> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To, GraphEdgeKind Kind), EdgeDraft> edges = new();
    // Lines that name one element (a role assignment's properties, a setting, an identity's declaration).
    // What is drawn from each line, and for which deployments (null: a template analysed without a named deployment).
    private readonly Dictionary<(string File, int Line), SortedDictionary<string, HashSet<string?>>> anchors = new();
    private readonly Dictionary<(string File, int Line), List<(EdgeDraft Edge, string? Deployment)>> edgeAnchors = new();
    // Resource declarations, for findings about a resource as a whole.
    private readonly Dictionary<(string File, int Line), string> declarations = new();

    private TrustGraphBuilder(SourceRoot root) => this.root = root;

    /// <summary>Builds the graph of <paramref name="deployments"/> with <paramref name="findings"/> (suppressed ones and InfraLint's own are left out).</summary>
    public static TrustGraph Build(IReadOnlyList<DeploymentInfo> deployments, IEnumerable<Finding> findings, SourceRoot root)
    {
        var builder = new TrustGraphBuilder(root);
        var drawn = Drawn(deployments);
        foreach (var deployment in drawn)
            builder.Add(deployment);
        foreach (var finding in findings.Where(Marked))
            builder.Mark(finding, deployments);
        var frozen = builder.nodes.Values.Select(n => n.Freeze())
            .OrderBy(n => n.Column).ThenBy(n => Array.IndexOf(TrustGraph.EnvironmentOrder.ToArray(), n.Environment))
            .ThenBy(n => n.Label, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        var edgeList = builder.edges.Values.Select(e => e.Freeze(builder.nodes))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Kind).ToList();
        return new TrustGraph(frozen, edgeList);
    }

    // A module analysed on its own knows less than the same module deployed by its caller (its principal is a bare
    // parameter there): it is drawn through the caller only. Deployments come in entry path order.
    private static IEnumerable<DeploymentInfo> Drawn(IReadOnlyList<DeploymentInfo> deployments)
    {
        var modules = deployments.SelectMany(d => d.Templates.Skip(1).Select(t => t.FilePath).Where(f => f != d.Entry.FilePath))
            .ToHashSet(StringComparer.Ordinal);
        return deployments.Where(d => d.ParametersFile is not null || !modules.Contains(d.Entry.FilePath))
            .OrderBy(d => d.ParametersFile ?? d.Entry.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Name, StringComparer.Ordinal);
    }

    private static bool Marked(Finding finding) =>
        finding is { Suppression: null, Location: not null } && finding.Severity > Severity.Silent &&
        finding.Descriptor.Category != RuleCategory.Tooling;

    // A template deployed several times (pipelines, azd environments) is drawn once per deployment: what has no
    // evaluated name is keyed by its declaration and the deployment's name, so sandbox and production stay apart.
    private string deploymentKey = string.Empty;
    private string? deploymentName;

    private void Add(DeploymentInfo deployment)
    {
        deploymentName = deployment.Name;
        deploymentKey = deploymentName is null ? string.Empty : "#" + deploymentName;
        foreach (var identity in deployment.Identities)
        {
            var node = Identity(deployment, identity);
            foreach (var resource in identity.AttachedTo)
                Edge(Resource(deployment, resource, runs: true).Id, node.Id, GraphEdgeKind.AttachedTo);
        }
        foreach (var assignment in deployment.RoleAssignments)
            Assignment(deployment, assignment);
        foreach (var (credential, identity) in FederatedCredentials(deployment))
            Edge(Resource(deployment, credential, runs: true).Id, Identity(deployment, identity).Id, GraphEdgeKind.AttachedTo);
        foreach (var template in deployment.Templates)
        {
            foreach (var resource in template.Resources.Where(r => !r.IsExisting && !ResourceKinds.TrustPlumbing.Contains(r.Type) && (r.Identity is not null || ResourceKinds.ReferenceSources.Contains(r.Type))))
                References(deployment, template, resource);
        }
    }

    // A federated credential ('id-app/github') lets an outside issuer (a CI job) sign in as its identity: drawn like compute that runs as it.
    private static IEnumerable<(ResourceModel Credential, IdentityInfo Identity)> FederatedCredentials(DeploymentInfo deployment) =>
        from template in deployment.Templates
        from credential in template.Resources
        where !credential.IsExisting && credential.Is("Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials") &&
              credential.EvaluatedName?.Split('/') is [_, _]
        let parent = credential.EvaluatedName!.Split('/')[0]
        let identity = deployment.Identities.FirstOrDefault(i => i.Kind == IdentityKind.UserAssigned &&
            string.Equals(i.Resource?.EvaluatedName, parent, StringComparison.OrdinalIgnoreCase))
        where identity is not null
        select (credential, identity);

    private NodeDraft Identity(DeploymentInfo deployment, IdentityInfo identity)
    {
        var (id, label, detail, kind) = identity.Kind switch
        {
            IdentityKind.UserAssigned => ("identity:" + (identity.Resource is { } r ? ResourceKey(r) : identity.Name.ToLowerInvariant()),
                identity.Name, "user-assigned identity", "userAssigned"),
            IdentityKind.SystemAssigned => ("identity:system:" + ResourceKey(identity.Resource!),
                Name(identity.Resource!), "system-assigned identity", "systemAssigned"),
            _ => ("identity:principal:" + (identity.PrincipalId?.ToLowerInvariant() ?? $"{Display(deployment.ParametersFile ?? deployment.Entry.FilePath)}{deploymentKey}#{identity.Parameter ?? identity.Name}"),
                identity.Name, identity.Parameter is not null ? $"principal (parameter {identity.Parameter})" : "principal", "principal"),
        };
        var node = Node(id, GraphNodeKind.Identity, label, detail, identity.Environment, () => new NodeDraft(id, GraphNodeKind.Identity, label, detail, identity.Environment) { IdentityKind = kind });
        if (identity.Kind == IdentityKind.UserAssigned && identity.Resource is { } declared)
            Anchor(node, declared.Declaration);
        return node;
    }

    private void Assignment(DeploymentInfo deployment, RoleAssignmentInfo assignment)
    {
        var principal = assignment.Principal is { } p ? Identity(deployment, p) : null;
        var scope = assignment.Scope is { } s ? Scope(deployment, assignment, s) : null;
        var declaration = assignment.Resource.Declaration;
        var id = $"assignment:{Display(declaration.FilePath)}:{declaration.Line}|{principal?.Id}|{scope?.Id}";
        var role = assignment.Role is { } known
            ? new GraphRole(known.Name, Actions(known.Classes), known.IsPrivileged)
            : new GraphRole("unknown role", [], false);
        var actions = role.Actions.Count > 0 ? string.Join(" ", role.Actions) : "actions unknown";
        var detail = (role.Privileged ? "privileged · " : "") + actions + (assignment.Scope is { } on ? " · on " + on.LevelName : "");
        var environment = deployment.EnvironmentOf(assignment.Resource);
        var node = Node(id, GraphNodeKind.RoleAssignment, role.Name, detail, environment,
            () => new NodeDraft(id, GraphNodeKind.RoleAssignment, role.Name, detail, environment) { Role = role, ScopeLevel = assignment.Scope is { } level ? Camel(level.Level.ToString()) : null });
        Anchor(node, declaration);
        foreach (var token in new[] { assignment.RoleToken, assignment.ScopeToken })
        {
            if (token is not null)
                Anchor(node, assignment.Template.Locate(token));
        }
        if (principal is not null)
            Edge(principal.Id, node.Id, GraphEdgeKind.Holds);
        if (scope is not null)
            Edge(node.Id, scope.Id, GraphEdgeKind.GrantedOn);
    }

    private NodeDraft Scope(DeploymentInfo deployment, RoleAssignmentInfo assignment, ScopeInfo scope)
    {
        if (scope.Level == ScopeLevel.Resource)
        {
            if (scope.Resource is { } resource)
                return Resource(deployment, resource, runs: false);
            var type = scope.ResourceType ?? "resource";
            var name = scope.Name ?? $"{Display(assignment.Resource.Declaration.FilePath)}:{assignment.Resource.Declaration.Line}";
            return External(type, name, scope.Environment);
        }
        var level = Camel(scope.Level.ToString());
        var owner = Display(deployment.ParametersFile ?? deployment.Entry.FilePath) + deploymentKey;
        var id = scope.Name is { } named ? $"scope:{level.ToLowerInvariant()}/{named.ToLowerInvariant()}" : $"scope:{level.ToLowerInvariant()}@{owner}";
        var label = scope.Name ?? (deploymentName is null ? $"{scope.LevelName} of {Path.GetFileName(owner)}" : $"{scope.LevelName} of deployment '{deploymentName}'");
        var detail = scope.Name is null ? $"the deployment's {scope.LevelName}" : scope.LevelName;
        return Node(id, GraphNodeKind.Scope, label, detail, scope.Environment,
            () => new NodeDraft(id, GraphNodeKind.Scope, label, detail, scope.Environment) { ScopeLevel = level });
    }

    private void References(DeploymentInfo deployment, TemplateModel template, ResourceModel resource)
    {
        if (resource.Properties is not JContainer properties)
            return;
        NodeDraft? source = null;
        foreach (var leaf in properties.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String))
        {
            foreach (var target in deployment.References(template, leaf).Where(t => t.Type is not null && ResourceKinds.Reachable.Contains(t.Type)))
            {
                var node = target.Resource is { } declared ? Resource(deployment, declared, runs: false) : External(target.Type!, target.Name, target.Environment);
                source ??= Resource(deployment, resource, runs: true);
                if (node.Id == source.Id)
                    continue;
                var edge = Edge(source.Id, node.Id, GraphEdgeKind.References);
                var (label, nameToken) = SettingOf(template, leaf);
                edge.Labels.Add(label);
                Anchor(edge, template.Locate(leaf));
                if (nameToken is not null)
                    Anchor(edge, template.Locate(nameToken));
            }
        }
    }

    // An app setting, env var or secret is named by its sibling 'name'; anything else by the property that holds the value.
    private static (string Label, JToken? NameToken) SettingOf(TemplateModel template, JValue leaf)
    {
        var property = leaf.Parent as JProperty ?? leaf.Parent?.Parent as JProperty;
        if (property is not null && SettingValues.Contains(property.Name) && property.Parent is JObject entry && entry.Property("name", StringComparison.OrdinalIgnoreCase) is { } name &&
            !ReferenceEquals(name, property) && template.Evaluate(name.Value).AsString is { } settingName)
            return (settingName, name);
        return (property?.Name ?? "value", null);
    }

    private NodeDraft Resource(DeploymentInfo deployment, ResourceModel resource, bool runs)
    {
        var id = "resource:" + ResourceKey(resource);
        var environment = deployment.EnvironmentOf(resource);
        var node = Node(id, GraphNodeKind.Resource, Name(resource), resource.Type, environment,
            () => new NodeDraft(id, GraphNodeKind.Resource, Name(resource), resource.Type, environment) { ResourceType = resource.Type });
        node.RunsOrReads |= runs;
        var declaration = (Display(resource.Declaration.FilePath), resource.Declaration.Line);
        node.Locations.Add(declaration);
        declarations.TryAdd(declaration, id);
        return node;
    }

    private NodeDraft External(string type, string name, EnvironmentInfo environment)
    {
        var id = $"resource:{type.ToLowerInvariant()}/{name.ToLowerInvariant()}";
        return Node(id, GraphNodeKind.Resource, name, type, environment,
            () => new NodeDraft(id, GraphNodeKind.Resource, name, type, environment) { ResourceType = type });
    }

    private NodeDraft Node(string id, GraphNodeKind kind, string label, string detail, EnvironmentInfo environment, Func<NodeDraft> create)
    {
        if (!nodes.TryGetValue(id, out var node))
            nodes[id] = node = create();
        node.Classify(environment);
        return node;
    }

    private EdgeDraft Edge(string from, string to, GraphEdgeKind kind)
    {
        if (!edges.TryGetValue((from, to, kind), out var edge))
            edges[(from, to, kind)] = edge = new EdgeDraft(from, to, kind);
        return edge;
    }

    private void Anchor(NodeDraft node, SourceLocation location)
    {
        var key = (Display(location.FilePath), location.Line);
        node.Locations.Add(key);
        if (!anchors.TryGetValue(key, out var ids))
            anchors[key] = ids = new SortedDictionary<string, HashSet<string?>>(StringComparer.Ordinal);
        if (!ids.TryGetValue(node.Id, out var drawnFor))
            ids[node.Id] = drawnFor = [];
        drawnFor.Add(deploymentName);
    }

    private void Anchor(EdgeDraft edge, SourceLocation location)
    {
        var key = (Display(location.FilePath), location.Line);
        edge.Locations.Add(key);
        if (!edgeAnchors.TryGetValue(key, out var list))
            edgeAnchors[key] = list = [];
        if (!list.Contains((edge, deploymentName)))
            list.Add((edge, deploymentName));
    }

    private void Mark(Finding finding, IReadOnlyList<DeploymentInfo> deployments)
    {
        var location = finding.Location!;
        var mark = new GraphFinding(finding.Id, SeverityName(finding.Severity), finding.Message, Display(location.FilePath), location.Line,
            location.Column, finding.Descriptor.HelpLink);
        var key = (mark.File, mark.Line);
        // A finding that holds in only some deployments of its template marks only what those deployments draw.
        bool HoldsIn(string? deployment) => finding.Deployments is not { } holders || (deployment is not null && holders.Contains(deployment));
        var marked = false;
        if (edgeAnchors.TryGetValue(key, out var onEdges))
        {
            foreach (var (edge, _) in onEdges.Where(e => HoldsIn(e.Deployment)))
            {
                edge.Findings.Add(mark);
                marked = true;
            }
        }
        if (anchors.TryGetValue(key, out var onNodes))
        {
            foreach (var (id, _) in onNodes.Where(n => n.Value.Any(HoldsIn)))
            {
                nodes[id].Findings.Add(mark);
                marked = true;
            }
        }
        if (marked)
            return;
        var resource = finding.Resource;
        if (declarations.TryGetValue(key, out var declared) ||
            (resource is not null && declarations.TryGetValue((Display(resource.Declaration.FilePath), resource.Declaration.Line), out declared)))
        {
            nodes[declared].Findings.Add(mark);
            return;
        }
        // Identity and trust findings about a resource the picture does not show yet (compute without an identity) add it.
        if (resource is not null && finding.Descriptor.IsAboutAccess && deployments.FirstOrDefault(d => HoldsIn(d.Name) && d.TemplateOf(resource) is not null) is { } owner)
            Resource(owner, resource, runs: ResourceKinds.ReferenceSources.Contains(resource.Type) || resource.Identity is not null).Findings.Add(mark);
    }


    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static IReadOnlyList<string> Actions(ActionClasses? classes)
    {
        if (classes is not { } known)
            return [];
        return new[] { ActionClasses.Read, ActionClasses.Write, ActionClasses.Trigger, ActionClasses.Approve }
            .Where(c => (known & c) != 0).Select(c => c.ToString().ToLowerInvariant()).ToList();
    }

    // Declared resources are known by type and name, so the same resource reached from two files is one node;
    // a name InfraLint cannot evaluate (uniqueString()) falls back to where it is declared.
    private string ResourceKey(ResourceModel resource) =>
        resource.EvaluatedName is { } name
            ? $"{resource.Type.ToLowerInvariant()}/{name.ToLowerInvariant()}"
            : $"{resource.Type.ToLowerInvariant()}@{Display(resource.Declaration.FilePath)}:{resource.Declaration.Line}{deploymentKey}";

    private static string Name(ResourceModel resource) => resource.EvaluatedName ?? resource.DisplayName;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private string Display(string path) => root.Display(path);
}
