using InfraLint.Core.Bicep;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Engine;

/// <summary>
/// How much work an entry is, for the parallel schedule: a Bicep entry counts its own bytes and those of every local file
/// it reaches through modules and imports (the compiler compiles them all inside the entry, <see cref="ReachedFiles"/>), a
/// registry module a typical module's size; a <c>.bicepparam</c> adds its template's; ARM JSON counts its bytes. Only the
/// order of the schedule depends on it, never a result.
/// </summary>
/// <remarks>An entry that another entry of the run reaches (a local module that is also an input) comes after every entry
/// that nothing reaches: by the time a lane takes it, its caller has most likely been compiled, and it takes its template
/// from that compile instead of compiling again (<see cref="CompilerAnswers"/>).</remarks>
internal static class EntryCost
{
    private const long RegistryModuleBytes = 8 * 1024;

    /// <summary>The indexes of <paramref name="indexes"/>: entries no other entry reaches first, each part the most costly
    /// entry first (ties in path order).</summary>
    public static List<int> LargestFirst(IReadOnlyList<InputFile> entries, IReadOnlyList<int> indexes, BicepDocuments documents, ReadBoundary? boundary)
    {
        var costs = new long[entries.Count];
        var reached = new IReadOnlyCollection<string>[entries.Count];
        System.Threading.Tasks.Parallel.ForEach(indexes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => (costs[i], reached[i]) = Of(entries[i], documents, boundary));
        var reachedByOthers = indexes
            .SelectMany(i => reached[i].Where(f => !string.Equals(f, Path.GetFullPath(entries[i].Path), StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        return indexes
            .OrderBy(i => reachedByOthers.Contains(Path.GetFullPath(entries[i].Path)))
            .ThenByDescending(i => costs[i])
            .ThenBy(i => i)
            .ToList();
    }

    private static (long Cost, IReadOnlyCollection<string> Reached) Of(InputFile entry, BicepDocuments documents, ReadBoundary? boundary)
    {
        var parameters = entry.Deployment?.Parameters;
        var cost = parameters is not null && parameters != entry.Path ? ReachedFiles.Bytes(parameters) : 0;
        var bicep = parameters is not null && parameters.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) ? parameters : entry.Path;
        if (!ReachedFiles.IsBicep(bicep))
            return (cost + ReachedFiles.Bytes(entry.Path), []);
        var (files, registry) = ReachedFiles.Of(bicep, documents, boundary);
        return (cost + files.Append(Path.GetFullPath(entry.Path)).Distinct(StringComparer.Ordinal).Sum(ReachedFiles.Bytes) + registry * RegistryModuleBytes, files);
    }
}
