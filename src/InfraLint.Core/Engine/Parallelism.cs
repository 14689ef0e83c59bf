namespace InfraLint.Core.Engine;

/// <summary>
/// How many compiler lanes a run uses when it is not told: one per processor, but no more than memory allows. A
/// <c>bicep jsonrpc</c> process grows with the files it has seen and is recycled before it passes about 1 GB
/// (<see cref="AnalysisOptions.CompilesPerCompilerProcess"/>), so each lane is budgeted <see cref="BytesPerLane"/>, and
/// InfraLint itself (models, rules, documents) another <see cref="BytesPerLane"/>.
/// </summary>
public static class Parallelism
{
    /// <summary>The memory budget of one lane (its compiler process at its largest before it is recycled): 1 GiB.</summary>
    public const long BytesPerLane = 1L << 30;

    /// <summary>The most lanes a run takes, whatever it is told (<c>--parallel</c> above this is an error).</summary>
    public const int Max = 64;

    /// <summary>The processor count, capped so that every lane and InfraLint itself fit in the memory the process may use.</summary>
    public static int Default => For(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>
    /// The lanes a run of <paramref name="entries"/> uses: at most <see cref="AnalysisOptions.Parallelism"/>, and one per
    /// <see cref="AnalysisOptions.BicepEntriesPerLane"/> Bicep entries plus one per <see cref="ArmEntriesPerLane"/> ARM JSON
    /// entries. A compiler process costs two to three CPU seconds before it compiles at full speed, the time of some fifty
    /// warm compiles: on a small run a second one only takes the first one's processor.
    /// </summary>
    internal static int Lanes(AnalysisOptions options, IReadOnlyList<InputFile> entries)
    {
        if (options.Parallelism <= 1 || entries.Count <= 1)
            return 1;
        var bicep = entries.Count(e => IsBicep(e.Path) || e.Deployment?.Parameters is { } p && IsBicep(p) || e.Deployment?.Template is { } t && IsBicep(t));
        var worth = Ceiling(bicep, Math.Max(1, options.BicepEntriesPerLane)) + Ceiling(entries.Count - bicep, ArmEntriesPerLane);
        return Math.Clamp(Math.Min(worth, entries.Count), 1, Math.Min(options.Parallelism, Max));
    }

    /// <summary>ARM JSON entries that make a lane worth its thread (no compiler: a template takes about 1.5 ms).</summary>
    public const int ArmEntriesPerLane = 100;

    private static int Ceiling(int count, int per) => (count + per - 1) / per;

    private static bool IsBicep(string path) =>
        path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase);

    /// <summary>The lanes for <paramref name="processors"/> processors and <paramref name="availableBytes"/> of memory (0: unknown).</summary>
    public static int For(int processors, long availableBytes)
    {
        var byMemory = availableBytes <= 0 ? processors : (int)Math.Min(Max, (availableBytes - BytesPerLane) / BytesPerLane);
        return Math.Clamp(Math.Min(processors, byMemory), 1, Max);
    }
}
