namespace InfraLint.Core.Inputs;

/// <summary>The repository a path is in: the nearest directory at or above it that holds <c>.git</c> (a folder, or a file in a worktree).</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository root of <paramref name="path"/> (a file or a directory), or null outside any repository.</summary>
    public static string? Of(string path)
    {
        var directory = Path.GetFullPath(path);
        if (File.Exists(directory))
            directory = Path.GetDirectoryName(directory)!;
        for (var current = directory; current is not null; current = Path.GetDirectoryName(current))
        {
            if (Directory.Exists(Path.Combine(current, ".git")) || File.Exists(Path.Combine(current, ".git")))
                return current;
        }
        return null;
    }
}
