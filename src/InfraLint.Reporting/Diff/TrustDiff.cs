using InfraLint.Reporting.Graph;

namespace InfraLint.Reporting.Diff;

/// <summary>
/// Compares the trust snapshots of a base and a head revision (docs/diff.md). A grant is the same grant when its principal
/// and scope match (its role changed) or its principal and role match (its scope changed): one <c>grantWidened</c> or
/// <c>grantNarrowed</c> with the base's values in <see cref="TrustChange.Previous"/>, never a removal plus an addition.
/// Changes are sorted widening first, then by file, line and kind, so the same two revisions give the same bytes.
/// </summary>
public sealed record TrustDiff(string Base, string Head, IReadOnlyList<TrustChange> Changes)
{
    public const string WideningGroup = "widening";
    public const string Narrowing = "narrowing";
    public const string Neutral = "neutral";

    private static readonly string[] ScopeLevels = ["resource", "resourceGroup", "subscription", "managementGroup", "tenant"];

    public int Count(string group) => Changes.Count(c => c.Group == group);

    public bool WidensTrust => Changes.Any(c => c.Widening);

    public static TrustDiff Compare(string baseName, string headName, TrustSnapshot before, TrustSnapshot after)
    {
        var changes = new List<TrustChange>();
        Identities(before, after, changes);
        Grants(before, after, changes);
        Links(before, after, changes);
        CrossEnvironment(before, after, changes);
        Findings(before, after, changes);
        var sorted = changes
            .OrderByDescending(c => c.Widening)
            .ThenBy(c => c.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.Line ?? 0)
            .ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ThenBy(c => c.Message, StringComparer.Ordinal)
            .ToList();
        return new TrustDiff(baseName, headName, sorted);
    }

    private static void Identities(TrustSnapshot before, TrustSnapshot after, List<TrustChange> changes)
    {
        foreach (var (identity, added) in Added(before.Identities, after.Identities, i => i.Key))
        {
            changes.Add(new TrustChange(added ? ChangeKinds.IdentityAdded : ChangeKinds.IdentityRemoved, false)
            {
                Identity = identity.Name,
                Environment = identity.Environment,
                File = identity.Location?.File,
                Line = identity.Location?.Line,
                Touches = [DiffKeys.Node(identity.Key)],
                Message = $"Identity '{identity.Name}' ({identity.Environment}) {(added ? "added" : "removed")}",
            });
        }
    }

    private static void Grants(TrustSnapshot before, TrustSnapshot after, List<TrustChange> changes)
    {
        var baseKeys = before.Grants.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var headKeys = after.Grants.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var removed = Distinct(before.Grants.Where(g => !headKeys.Contains(g.Key)), g => g.Key);
        var added = Distinct(after.Grants.Where(g => !baseKeys.Contains(g.Key)), g => g.Key);

        // The role changed (same principal and scope), else the scope changed (same principal and role).
        foreach (var match in new Func<SnapshotGrant, SnapshotGrant, bool>[]
                 {
                     (b, h) => b.PrincipalKey == h.PrincipalKey && b.ScopeKey == h.ScopeKey,
                     (b, h) => b.PrincipalKey == h.PrincipalKey && b.Role.Name == h.Role.Name,
                 })
        {
            foreach (var head in added.ToList())
            {
                if (removed.FirstOrDefault(b => match(b, head)) is not { } previous)
                    continue;
                removed.Remove(previous);
                added.Remove(head);
                var widens = Widens(previous, head);
                changes.Add(Grant(widens ? ChangeKinds.GrantWidened : ChangeKinds.GrantNarrowed, widens, head) with
                {
                    Previous = new PreviousGrant(previous.Role.Name, previous.ScopeLevel, previous.Scope),
                    PreviousKey = DiffKeys.Grant(previous.Key),
                    // A scope that changed leaves the base's edge to it: that edge is part of this change too.
                    Touches = previous.ScopeKey == head.ScopeKey ? DiffKeys.GrantParts(head)
                        : [.. DiffKeys.GrantParts(head), DiffKeys.Edge(GraphEdgeKind.GrantedOn, DiffKeys.Grant(head.Key), DiffKeys.Node(previous.ScopeKey))],
                    Message = $"'{head.Principal}': {Describe(previous)} → {Describe(head)}",
                });
            }
        }
        foreach (var grant in added)
            changes.Add(Grant(ChangeKinds.GrantAdded, true, grant) with { Message = $"'{grant.Principal}' is granted {Describe(grant)}" });
        foreach (var grant in removed)
            changes.Add(Grant(ChangeKinds.GrantRemoved, false, grant) with { Message = $"'{grant.Principal}' no longer holds {Describe(grant)}" });
    }

    private static TrustChange Grant(string kind, bool widening, SnapshotGrant grant) => new(kind, widening)
    {
        Principal = grant.Principal,
        Role = grant.Role.Name,
        ScopeLevel = grant.ScopeLevel,
        Scope = grant.Scope,
        Environment = grant.Environment,
        File = grant.Location?.File,
        Line = grant.Location?.Line,
        Touches = DiffKeys.GrantParts(grant),
    };

    private static string Describe(SnapshotGrant grant) =>
        $"'{grant.Role.Name}' on {grant.ScopeLevel ?? "scope"} '{grant.Scope}' ({grant.Environment})";

    /// <summary>
    /// A stronger role (an action class the base's role did not have, or privileged where it was not), a wider scope level,
    /// or a scope that moved into production. A change that is neither stronger nor weaker (another role with the same action
    /// classes, the same level on another scope, a role InfraLint does not know) gives access the base did not: it widens.
    /// </summary>
    internal static bool Widens(SnapshotGrant before, SnapshotGrant after)
    {
        if (after.Environment == "production" && before.Environment != "production")
            return true;
        var levelBefore = Array.IndexOf(ScopeLevels, before.ScopeLevel);
        var levelAfter = Array.IndexOf(ScopeLevels, after.ScopeLevel);
        if (levelAfter > levelBefore || (before.ScopeKey != after.ScopeKey && levelAfter == levelBefore))
            return true;
        return RoleWidens(before.Role, after.Role);
    }

    private static bool RoleWidens(GraphRole before, GraphRole after)
    {
        if (before.Name == after.Name)
            return false;
        if (after.Actions.Count == 0 || (after.Privileged && !before.Privileged) || !after.Actions.All(before.Actions.Contains))
            return true;
        var fewer = after.Actions.Count < before.Actions.Count || (before.Privileged && !after.Privileged);
        return !fewer;
    }

    private static void Links(TrustSnapshot before, TrustSnapshot after, List<TrustChange> changes)
    {
        foreach (var (link, added) in Added(before.Links, after.Links, l => l.Key))
        {
            var attachment = link.Kind == LinkKind.Attachment;
            var kind = attachment
                ? added ? ChangeKinds.AttachmentAdded : ChangeKinds.AttachmentRemoved
                : added ? ChangeKinds.ReferenceAdded : ChangeKinds.ReferenceRemoved;
            changes.Add(new TrustChange(kind, added)
            {
                Identity = attachment ? link.To : null,
                Resource = link.From,
                Setting = link.Setting,
                Scope = attachment ? null : link.To,
                Environment = link.Environment,
                File = link.Location?.File,
                Line = link.Location?.Line,
                Touches = [LinkEdge(link)],
                Message = attachment
                    ? $"'{link.From}' {(added ? "now runs" : "no longer runs")} as '{link.To}'"
                    : $"Setting '{link.Setting}' of '{link.From}' {(added ? "now points" : "no longer points")} at '{link.To}' ({link.Environment})",
            });
        }
    }

    private static void CrossEnvironment(TrustSnapshot before, TrustSnapshot after, List<TrustChange> changes)
    {
        var baseKeys = before.Links.Where(l => l.CrossesEnvironments).Select(l => $"{l.Kind}|{l.FromKey}|{l.ToKey}")
            .Concat(before.Grants.Where(g => g.CrossesEnvironments).Select(g => $"grant|{g.PrincipalKey}|{g.ScopeKey}"))
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in after.Links.Where(l => l.CrossesEnvironments))
        {
            var key = $"{link.Kind}|{link.FromKey}|{link.ToKey}";
            if (!baseKeys.Contains(key) && seen.Add(key))
            {
                changes.Add(new TrustChange(ChangeKinds.CrossEnvironmentAdded, true)
                {
                    Identity = link.Kind == LinkKind.Attachment ? link.To : null,
                    Resource = link.From,
                    Setting = link.Setting,
                    Scope = link.Kind == LinkKind.Attachment ? null : link.To,
                    Environment = link.Environment,
                    File = link.Location?.File,
                    Line = link.Location?.Line,
                    Touches = [LinkEdge(link)],
                    Message = $"'{link.From}' now reaches '{link.To}' across sandbox and production",
                });
            }
        }
        foreach (var grant in after.Grants.Where(g => g.CrossesEnvironments))
        {
            var key = $"grant|{grant.PrincipalKey}|{grant.ScopeKey}";
            if (!baseKeys.Contains(key) && seen.Add(key))
                changes.Add(Grant(ChangeKinds.CrossEnvironmentAdded, true, grant) with
                {
                    Message = $"'{grant.Principal}' now holds {Describe(grant)} across sandbox and production",
                });
        }
    }

    // A finding of the Secrets category is a secret in configuration (secretAdded/secretRemoved); any other is findingNew/findingFixed.
    private static void Findings(TrustSnapshot before, TrustSnapshot after, List<TrustChange> changes)
    {
        var differing = Added(before.Findings, after.Findings, f => f.Key).ToList();
        // An element that only moved within its array (a setting inserted above it, settings reordered) has another index in
        // its property path but the same message: it is the same finding, not one fixed and one new.
        var moved = differing.GroupBy(d => d.Item.Moved, StringComparer.Ordinal)
            .SelectMany(g => g.Where(d => d.Added).Take(g.Count(d => !d.Added)).Concat(g.Where(d => !d.Added).Take(g.Count(d => d.Added))))
            .ToHashSet();
        foreach (var (finding, added) in differing.Where(d => !moved.Contains(d)))
        {
            var kind = finding.IsSecret
                ? added ? ChangeKinds.SecretAdded : ChangeKinds.SecretRemoved
                : added ? ChangeKinds.FindingNew : ChangeKinds.FindingFixed;
            changes.Add(new TrustChange(kind, added)
            {
                RuleId = finding.RuleId,
                Resource = finding.Resource,
                File = finding.Location?.File,
                Line = finding.Location?.Line,
                Message = finding.Message,
                Touches = [DiffKeys.Finding(finding.RuleId, finding.Location?.File, finding.Location?.Line, finding.Message)],
            });
        }
    }

    private static string LinkEdge(SnapshotLink link) =>
        DiffKeys.Edge(link.Kind == LinkKind.Attachment ? GraphEdgeKind.AttachedTo : GraphEdgeKind.References, DiffKeys.Node(link.FromKey), DiffKeys.Node(link.ToKey));

    /// <summary>What only the head has (added) and what only the base has (removed), each once by key.</summary>
    private static IEnumerable<(T Item, bool Added)> Added<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key)
    {
        var baseKeys = before.Select(key).ToHashSet(StringComparer.Ordinal);
        var headKeys = after.Select(key).ToHashSet(StringComparer.Ordinal);
        return Distinct(after.Where(i => !baseKeys.Contains(key(i))), key).Select(i => (i, true))
            .Concat(Distinct(before.Where(i => !headKeys.Contains(key(i))), key).Select(i => (i, false)));
    }

    private static List<T> Distinct<T>(IEnumerable<T> items, Func<T, string> key) => items.DistinctBy(key, StringComparer.Ordinal).ToList();
}
