namespace InfraLint.Reporting.Output;

/// <summary>
/// The directory repository-relative paths start from (SARIF's <c>%SRCROOT%</c>): the nearest directory
/// at or above the start that holds <c>.git</c>, else the start itself. Code-scanning services resolve
/// SARIF paths against the repository root, and fingerprints must not depend on where a run started.
/// </summary>
public sealed record SourceRoot(string Directory)
{
    public static SourceRoot Discover(string start)
    {
        var full = Path.GetFullPath(start);
        for (var directory = full; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var git = Path.Combine(directory, ".git");
            if (System.IO.Directory.Exists(git) || File.Exists(git)) // a worktree or submodule has a .git file
                return new SourceRoot(directory);
        }
        return new SourceRoot(full);
    }

    /// <summary>The path relative to the root with forward slashes, or null when it is outside the root.</summary>
    public string? RelativePath(string path)
    {
        var relative = Path.GetRelativePath(Directory, path);
        if (relative == "." || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return null;
        return relative.Replace('\\', '/');
    }

    /// <summary>The relative path, or the full path (forward slashes) for a file outside the root.</summary>
    public string Display(string path) => RelativePath(path) ?? Path.GetFullPath(path).Replace('\\', '/');
}
