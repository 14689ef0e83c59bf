using System.Security.Cryptography;
using System.Text;
using InfraLint.Core.Bicep;
using InfraLint.Core.Deployments;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Engine;

/// <summary>
/// <c>--shard K/N</c>: splits a run's input files into N parts that CI jobs analyse apart and <c>infralint merge</c> puts
/// back together. Files that can affect one another's findings stay in one part: a Bicep entry with every local module and
/// import it reaches (in the input or not, so two entries sharing a module share a part), a <c>.bicepparam</c> with its
/// template, an ARM parameters file with the template it pairs with, a JSON template with the Bicep files it may have been
/// built from, and a declared deployment's template with its parameters file. Parts are filled largest group first, each
/// group to the part with the fewest bytes so far (ties: the lower part), so every job computes the same partition from the
/// same inputs whatever the order it was given them in or where the repository is checked out.
/// </summary>
public static class Sharding
{
    /// <summary>The files of part <paramref name="index"/> (1-based) of <paramref name="count"/>, in the order given.</summary>
    /// <param name="boundary">On a confined run, the folders module files may be read from to find the groups.</param>
    public static IReadOnlyList<InputFile> Select(IReadOnlyList<InputFile> files, IReadOnlyList<DeclaredDeployment> deployments, int index, int count,
        IReadOnlyList<string>? readRoots = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        var part = Partition(files.Select(f => Path.GetFullPath(f.Path)).Distinct(StringComparer.Ordinal).ToList(), deployments, count,
            readRoots is null ? null : new ReadBoundary(readRoots));
        return files.Where(f => part[Path.GetFullPath(f.Path)] == index).ToList();
    }

    /// <summary>Names the inputs a partition was made from: their paths relative to <paramref name="root"/>, so shards of
    /// one run agree on it on every machine, and shards of different runs do not.</summary>
    public static string InputsDigest(IEnumerable<InputFile> files, string root)
    {
        var paths = files.Select(f => Path.GetRelativePath(root, Path.GetFullPath(f.Path)).Replace('\\', '/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", paths)))).ToLowerInvariant();
    }

    private static Dictionary<string, int> Partition(List<string> inputs, IReadOnlyList<DeclaredDeployment> deployments, int count, ReadBoundary? boundary)
    {
        var groups = new UnionFind();
        var inputSet = inputs.ToHashSet(StringComparer.Ordinal);
        var documents = new BicepDocuments();
        foreach (var input in inputs)
        {
            groups.Add(input);
            if (ReachedFiles.IsBicep(input))
            {
                foreach (var reached in ReachedFiles.Of(input, documents, boundary).Files)
                    groups.Union(input, reached);
            }
            else if (input.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var partner in JsonPartners(input, inputSet))
                    groups.Union(input, partner);
            }
        }
        foreach (var deployment in deployments)
        {
            var template = Path.GetFullPath(deployment.Template);
            groups.Add(template);
            if (deployment.Parameters is { } parameters)
                groups.Union(template, Path.GetFullPath(parameters));
        }
        var byGroup = inputs.GroupBy(groups.Find, StringComparer.Ordinal)
            .Select(g => (Files: g.ToList(), Bytes: g.Sum(ReachedFiles.Bytes), First: g.Min(StringComparer.Ordinal)!))
            .OrderByDescending(g => g.Bytes).ThenBy(g => g.First, StringComparer.Ordinal)
            .ToList();
        var load = new long[count];
        var part = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in byGroup)
        {
            var lightest = Array.IndexOf(load, load.Min());
            load[lightest] += Math.Max(1, group.Bytes);
            foreach (var file in group.Files)
                part[file] = lightest + 1;
        }
        return part;
    }

    // NAME.parameters.json and NAME.ENV.parameters.json pair with NAME.json or NAME.bicep beside them; NAME.json may be
    // built from NAME.bicep or, without one, from another .bicep file of its folder.
    private static IEnumerable<string> JsonPartners(string json, HashSet<string> inputs)
    {
        var directory = Path.GetDirectoryName(json)!;
        var stem = Path.GetFileNameWithoutExtension(json);
        if (stem.EndsWith(".parameters", StringComparison.OrdinalIgnoreCase))
        {
            var name = stem[..^".parameters".Length];
            var names = name.Contains('.', StringComparison.Ordinal) ? new[] { name, name[..name.LastIndexOf('.')] } : [name];
            return names.SelectMany(n => new[] { n + ".json", n + ".bicep" }).Select(n => Path.Combine(directory, n)).Where(inputs.Contains);
        }
        var sameName = Path.Combine(directory, stem + ".bicep");
        return inputs.Contains(sameName) ? [sameName] : GeneratedTemplates.Candidates(json, inputs);
    }

    private sealed class UnionFind
    {
        private readonly Dictionary<string, string> parent = new(StringComparer.Ordinal);

        public void Add(string item) => parent.TryAdd(item, item);

        public string Find(string item)
        {
            Add(item);
            var root = item;
            while (parent[root] != root)
                root = parent[root];
            while (parent[item] != root)
            {
                var next = parent[item];
                parent[item] = root;
                item = next;
            }
            return root;
        }

        // The ordinal-first path is the root, so the groups do not depend on the order files were added in.
        public void Union(string a, string b)
        {
            var (x, y) = (Find(a), Find(b));
            if (x == y)
                return;
            if (string.CompareOrdinal(x, y) < 0)
                parent[y] = x;
            else
                parent[x] = y;
        }
    }
}
