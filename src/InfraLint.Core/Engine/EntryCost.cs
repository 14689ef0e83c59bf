using InfraLint.Core.Bicep;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Engine;

/// <summary>
/// How much work an entry is, for the parallel schedule: a Bicep entry counts its own bytes and those of every local
/// Bicep file it reaches through modules and imports (the compiler compiles them all inside the entry), a registry
/// module a typical module's size; a <c>.bicepparam</c> adds its template's; ARM JSON counts its bytes. Only the order
/// of the schedule depends on it, never a result. On a confined run no file outside the repository is read for it.
/// </summary>
internal static class EntryCost
{
    private const long RegistryModuleBytes = 8 * 1024;
    private const int MaxFiles = 2000;

    /// <summary>The indexes of <paramref name="indexes"/>, the most costly entry first (ties in path order).</summary>
    public static List<int> LargestFirst(IReadOnlyList<InputFile> entries, IReadOnlyList<int> indexes, BicepDocuments documents, ReadBoundary? boundary)
    {
        var costs = new long[entries.Count];
        System.Threading.Tasks.Parallel.ForEach(indexes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => costs[i] = Of(entries[i], documents, boundary));
        return indexes.OrderByDescending(i => costs[i]).ThenBy(i => i).ToList();
    }

    private static long Of(InputFile entry, BicepDocuments documents, ReadBoundary? boundary)
    {
        var cost = Bytes(entry.Path) + (entry.Deployment?.Parameters is { } parameters && parameters != entry.Path ? Bytes(parameters) : 0);
        var bicep = entry.Deployment?.Parameters is { } p && p.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) ? p : entry.Path;
        if (!bicep.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) && !bicep.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
            return cost;
        var seen = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(bicep) };
        var pending = new Stack<string>(seen);
        while (pending.Count > 0 && seen.Count < MaxFiles)
        {
            var file = pending.Pop();
            if (boundary is not null && !boundary.Contains(file))
                continue;
            BicepDocument? syntax;
            try
            {
                syntax = documents.Find(file)?.Syntax;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                syntax = null; // too large, not a regular file: its own analysis says so
            }
            if (syntax is null)
                continue;
            foreach (var reference in syntax.References.Append(syntax.Using).OfType<BicepReference>())
            {
                if (UnrestoredModules.LocalTarget(file, reference.Path) is { } target)
                {
                    if (seen.Add(target))
                    {
                        cost += Bytes(target);
                        pending.Push(target);
                    }
                }
                else if (RegistryModuleCache.IsRegistryReference(reference.Path))
                {
                    cost += RegistryModuleBytes;
                }
            }
        }
        return cost;
    }

    private static long Bytes(string path)
    {
        try
        {
            return new FileInfo(path) is { Exists: true } info ? info.Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }
}
