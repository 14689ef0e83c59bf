namespace InfraLint.Core.Inputs;

/// <summary>
/// The folders a run may read from (each analysed path's repository root). A path is inside when its real
/// location is: every symbolic link on the way is followed, so a link committed in the tree that points out
/// of it counts as outside.
/// </summary>
internal sealed class ReadBoundary(IEnumerable<string> roots)
{
    private readonly List<string> roots = roots.Select(r => RealPath(Path.GetFullPath(r))).Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Roots => roots;

    public bool Contains(string path)
    {
        var real = RealPath(Path.GetFullPath(path));
        return roots.Any(root => real == root || real.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, PathComparison));
    }

    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The path with every symbolic link in it resolved (at most 40 links, as the kernel allows); a part that
    /// does not exist is kept as written.</summary>
    internal static string RealPath(string full)
    {
        var links = 0;
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(Enumerable.Reverse(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)));
        var current = root;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
            if (target is null || ++links > 40)
            {
                current = next;
                continue;
            }
            var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var resolvedRoot = Path.GetPathRoot(resolved) ?? string.Empty;
            foreach (var p in Enumerable.Reverse(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)))
                pending.Push(p);
            current = resolvedRoot;
        }
        return current;
    }
}
