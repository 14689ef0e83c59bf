using System.Reflection;

namespace InfraLint.Architecture.Tests;

/// <summary>Which folder (namespace below a project's root) uses which, with the type pairs that make each arrow.</summary>
internal sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> arrows = new(StringComparer.Ordinal);

    public static FolderGraph Of(Assembly assembly, string rootNamespace)
    {
        var graph = new FolderGraph();
        foreach (var type in assembly.GetTypes().Where(t => t.DeclaringType is null))
        {
            if (Folder(type, rootNamespace) is not { } from)
            {
                continue;
            }

            foreach (var used in TypeReferences.Of(type).Select(TypeReferences.Outermost).Distinct())
            {
                if (used.Assembly == assembly && Folder(used, rootNamespace) is { } to && to != from)
                {
                    graph.Add(from, to, $"{type.Name} → {used.Name}");
                }
            }
        }

        return graph;
    }

    public void Add(string from, string to, string because)
    {
        if (!arrows.TryGetValue(from, out var targets))
        {
            arrows[from] = targets = new(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(to, out var reasons))
        {
            targets[to] = reasons = new(StringComparer.Ordinal);
        }

        reasons.Add(because);
    }

    /// <summary>Strongly connected groups of two or more folders (Tarjan), each sorted.</summary>
    public List<SortedSet<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<SortedSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Targets(node))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var group = new SortedSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);

                if (group.Count > 1)
                {
                    cycles.Add(group);
                }
            }
        }

        foreach (var node in arrows.Keys.ToList())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>The arrows inside one cycle, with what makes each (for the failure message).</summary>
    public string Describe(SortedSet<string> cycle) =>
        string.Join("\n", cycle.SelectMany(from => Targets(from).Where(cycle.Contains)
            .Select(to => $"  {from} → {to}: {string.Join(", ", arrows[from][to].Take(4))}")));

    private IEnumerable<string> Targets(string node) =>
        arrows.TryGetValue(node, out var targets) ? targets.Keys : [];

    private static string? Folder(Type type, string rootNamespace) =>
        type.Namespace is { } ns && ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)
            ? ns[(rootNamespace.Length + 1)..].Split('.')[0]
            : null;
}
