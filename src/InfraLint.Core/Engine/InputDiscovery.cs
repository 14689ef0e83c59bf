
namespace InfraLint.Core.Engine;

/// <summary>Expands the paths a user names into the files to analyse, like the MSBuild default items.</summary>
public static class InputDiscovery
{
    private static readonly string[] Extensions = [".bicep", ".bicepparam", ".json"];
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules", ".vs" };

    /// <summary>True for the extensions InfraLint reads. Every such file counts, whatever its name: InfraLint writes nothing
    /// into the analysed tree (scratch copies go to a temporary folder), so no name is InfraLint's own to skip.</summary>
    public static bool IsCandidate(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Files below each directory (recursively) and each file named; missing paths are returned in <paramref name="missing"/>.</summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<InputFile>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
                files.Add(new InputFile(full, Explicit: true));
            else if (Directory.Exists(full))
                files.AddRange(Walk(full).Select(f => new InputFile(f)));
            else
                notFound.Add(path);
        }
        missing = notFound;
        return files
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(f => f.Explicit) ?? g.First())
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(directory).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (Directory.Exists(entry))
                {
                    if (!SkippedDirectories.Contains(Path.GetFileName(entry)) && IsPlainDirectory(entry))
                        pending.Push(entry);
                }
                else if (IsCandidate(entry))
                {
                    yield return entry;
                }
            }
        }
    }

    // A folder deleted between listing and this check is simply not walked.
    private static bool IsPlainDirectory(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
