using InfraLint.Core.Bicep;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Engine;

/// <summary>
/// How much work an entry is, for the parallel schedule: a Bicep entry counts its own bytes and those of every local file
/// it reaches through modules and imports (the compiler compiles them all inside the entry, <see cref="ReachedFiles"/>), a
/// registry module a typical module's size; a <c>.bicepparam</c> adds its template's; ARM JSON counts its bytes. Only the
/// order of the schedule depends on it, never a result.
/// </summary>
internal static class EntryCost
{
    private const long RegistryModuleBytes = 8 * 1024;

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
        var parameters = entry.Deployment?.Parameters;
        var cost = parameters is not null && parameters != entry.Path ? ReachedFiles.Bytes(parameters) : 0;
        var bicep = parameters is not null && parameters.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) ? parameters : entry.Path;
        if (!ReachedFiles.IsBicep(bicep))
            return cost + ReachedFiles.Bytes(entry.Path);
        var (files, registry) = ReachedFiles.Of(bicep, documents, boundary);
        return cost + files.Append(Path.GetFullPath(entry.Path)).Distinct(StringComparer.Ordinal).Sum(ReachedFiles.Bytes) + registry * RegistryModuleBytes;
    }
}
