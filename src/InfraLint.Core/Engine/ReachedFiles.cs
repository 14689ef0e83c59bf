using InfraLint.Core.Bicep;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Engine;

/// <summary>
/// The local files a Bicep entry reaches through modules, imports and <c>using</c>, at any depth (itself included), from
/// the run's parsed documents: what the compiler compiles inside the entry. For the parallel schedule and the shard
/// partition, never for a result; on a confined run no file outside the repository is read for it.
/// </summary>
internal static class ReachedFiles
{
    private const int MaxFiles = 2000;

    /// <summary>The files (full paths) and how many registry references they make.</summary>
    public static (IReadOnlyCollection<string> Files, int RegistryReferences) Of(string entry, BicepDocuments documents, ReadBoundary? boundary)
    {
        var full = Path.GetFullPath(entry);
        var seen = new HashSet<string>(StringComparer.Ordinal) { full };
        var pending = new Stack<string>([full]);
        var registry = 0;
        while (pending.Count > 0 && seen.Count < MaxFiles)
        {
            var file = pending.Pop();
            if (boundary is not null && !boundary.Contains(file) || !IsBicep(file))
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
            foreach (var reference in syntax is null ? [] : syntax.References.Append(syntax.Using).OfType<BicepReference>())
            {
                if (RegistryModuleCache.IsRegistryReference(reference.Path))
                    registry++;
                else if (LocalTarget(file, reference.Path) is { } target && seen.Add(target))
                    pending.Push(target);
            }
        }
        return (seen, registry);
    }

    /// <summary>The size of <paramref name="path"/>, or 0 when it cannot be had.</summary>
    public static long Bytes(string path)
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

    public static bool IsBicep(string path) =>
        path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase);

    // A local Bicep module or import, or a local ARM JSON module.
    private static string? LocalTarget(string fromFile, string path) =>
        UnrestoredModules.LocalTarget(fromFile, path) ??
        (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFile)!, path))
            : null);
}
