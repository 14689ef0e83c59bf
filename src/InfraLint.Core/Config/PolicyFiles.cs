using System.Diagnostics;
using System.Text;

namespace InfraLint.Core.Config;

/// <summary>
/// Where InfraLint reads its own policy (infralint.json, .editorconfig, .globalconfig, the baseline): the working tree,
/// or, with <c>--policy-from &lt;ref&gt;</c>, a git revision such as a pull request's base, so that a pull request cannot
/// turn its own gate off. A revision is read with <c>git cat-file</c>: the checkout is never changed, and no
/// filter, hook or textconv of the analysed tree runs.
/// </summary>
public sealed class PolicyFiles
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);

    private PolicyFiles(string? repositoryRoot, string? commit, string? reference)
    {
        RepositoryRoot = repositoryRoot;
        Commit = commit;
        Reference = reference;
    }

    /// <summary>The working tree: files as they are on disk.</summary>
    public static PolicyFiles WorkingTree { get; } = new(null, null, null);

    /// <summary>The top folder of the git repository (only for a revision).</summary>
    public string? RepositoryRoot { get; }

    /// <summary>The commit a revision resolved to, or null for the working tree.</summary>
    public string? Commit { get; }

    /// <summary>The revision as the user named it.</summary>
    public string? Reference { get; }

    public bool IsRevision => Commit is not null;

    /// <summary>The revision <paramref name="reference"/> of the git repository that holds <paramref name="path"/>, or null
    /// and why not (not a repository, no such revision, no git).</summary>
    public static (PolicyFiles? Files, string? Problem) AtRevision(string path, string reference)
    {
        if (reference.Length == 0 || reference.StartsWith('-') || reference.Any(char.IsControl))
            return (null, $"--policy-from: '{reference}' is not a git revision");
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var (topCode, top) = Git(folder, "rev-parse", "--show-toplevel");
        if (topCode != 0 || top.Trim().Length == 0)
            return (null, $"--policy-from: '{path}' is not inside a git repository");
        var root = Path.GetFullPath(top.Trim());
        var (code, commit) = Git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}");
        if (code != 0 || commit.Trim().Length == 0)
            return (null, $"--policy-from: the git revision '{reference}' does not exist (fetch it first, e.g. with fetch-depth: 0)");
        return (new PolicyFiles(root, commit.Trim(), reference), null);
    }

    /// <summary>The text of <paramref name="path"/> (a full path), or null when it does not exist there.</summary>
    public string? Read(string path)
    {
        if (!IsRevision)
            return WorkingTreeText(path);
        if (cache.TryGetValue(path, out var cached))
            return cached;
        string? text = null;
        if (InRepository(path) is { } relative)
        {
            var (code, output) = Git(RepositoryRoot!, "cat-file", "blob", $"{Commit}:{relative}");
            text = code == 0 ? output : null;
        }
        cache[path] = text;
        return text;
    }

    /// <summary>A working-tree file's text, or null when it does not exist or is refused (not a regular file, or too large:
    /// a FIFO named .editorconfig must not block the run).</summary>
    public static string? WorkingTreeText(string path)
    {
        try
        {
            return File.Exists(path) ? Inputs.RegularFile.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool Exists(string path) => IsRevision ? Read(path) is not null : File.Exists(path);

    /// <summary>The path relative to the repository root with forward slashes, or null when it lies outside.</summary>
    public string? InRepository(string path)
    {
        if (RepositoryRoot is null)
            return null;
        var relative = Path.GetRelativePath(RepositoryRoot, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || relative == "." ? null : relative.Replace('\\', '/');
    }

    private static (int Code, string Output) Git(string directory, params string[] arguments)
    {
        var (code, output) = GitCommand.Run(directory, GitTimeout, arguments);
        return (code, new UTF8Encoding(false).GetString(output));
    }
}
