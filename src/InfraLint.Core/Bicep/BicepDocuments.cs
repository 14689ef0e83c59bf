using InfraLint.Core.Inputs;

namespace InfraLint.Core.Bicep;

/// <summary>
/// The Bicep files of one run, each read (through <see cref="RegularFile"/>), lexed and parsed once: entry files, their
/// modules at any depth, the files stand-ins are written for and the files findings point into all come from here.
/// Keyed by full path and the file's length and write time, so a file changed during the run is read again.
/// Thread-safe: compiles prepare stand-ins in the background while the run goes on.
/// </summary>
internal sealed class BicepDocuments
{
    // A file being read is a Lazy: lanes that want it at once wait for one read instead of each reading it, and the lexing
    // and parsing happen outside the lock, so one large file does not hold up every other lane.
    private readonly Dictionary<string, (long Length, long Ticks, Lazy<BicepSource> Source)> byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> reads = new(StringComparer.Ordinal);

    /// <summary>How many times each file was read and lexed (by full path): once, unless it changed during the run.</summary>
    public IReadOnlyDictionary<string, int> Reads
    {
        get
        {
            lock (byPath)
                return new Dictionary<string, int>(reads, StringComparer.Ordinal);
        }
    }

    /// <summary>The file at <paramref name="path"/>; throws as <see cref="RegularFile.ReadAllText"/> does (a missing file,
    /// one that is not a regular file or is too large).</summary>
    public BicepSource Get(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var info = new FileInfo(full);
        var (length, ticks) = info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1L, 0L);
        Lazy<BicepSource> source;
        lock (byPath)
        {
            if (byPath.TryGetValue(full, out var known) && known.Length == length && known.Ticks == ticks)
            {
                source = known.Source;
            }
            else
            {
                source = new Lazy<BicepSource>(() => new BicepSource(full, RegularFile.ReadAllText(full)), LazyThreadSafetyMode.ExecutionAndPublication);
                byPath[full] = (length, ticks, source);
                reads[full] = reads.GetValueOrDefault(full) + 1;
            }
        }
        try
        {
            return source.Value;
        }
        catch
        {
            // Not kept: the next caller reads the file again (as it did before it was cached), and it was not read.
            lock (byPath)
            {
                if (byPath.TryGetValue(full, out var known) && ReferenceEquals(known.Source, source))
                {
                    byPath.Remove(full);
                    reads[full]--;
                    if (reads[full] == 0)
                        reads.Remove(full);
                }
            }
            throw;
        }
    }

    /// <summary>The file at <paramref name="path"/>, or null when it does not exist or cannot be read.</summary>
    public BicepSource? Find(string path)
    {
        try
        {
            return File.Exists(path) ? Get(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
