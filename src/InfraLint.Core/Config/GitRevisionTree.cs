using System.Diagnostics;
using System.Text;

namespace InfraLint.Core.Config;

/// <summary>
/// A git revision's files written to a temporary folder, for <c>infralint diff --base &lt;ref&gt;</c>: read with
/// <c>git ls-tree</c> and <c>git cat-file --batch</c>, so the user's checkout, index and worktrees are never touched and no
/// checkout filter, hook, textconv or fsmonitor of the repository runs. git is started with a fixed argument list, never a
/// shell. Only regular files are written (a symbolic link or submodule of the revision is left out), each at most
/// <see cref="Inputs.RegularFile.MaxBytes"/>. Disposing removes the folder.
/// </summary>
public sealed class GitRevisionTree : IDisposable
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(2);

    private GitRevisionTree(string repositoryRoot, string commit, string directory)
    {
        RepositoryRoot = repositoryRoot;
        Commit = commit;
        Directory = directory;
    }

    /// <summary>The top folder of the working tree.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The full commit id the revision resolved to.</summary>
    public string Commit { get; }

    /// <summary>The temporary folder that holds the revision's files (with an empty <c>.git</c> folder, so that it is its own source root).</summary>
    public string Directory { get; }

    /// <summary>Where <paramref name="path"/> of the working tree lies in the revision's folder; null when it is outside the repository.</summary>
    public string? Map(string path)
    {
        var relative = Path.GetRelativePath(RepositoryRoot, Path.GetFullPath(path));
        if (relative == ".")
            return Directory;
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : Path.Combine(Directory, relative);
    }

    /// <summary>The repository that holds <paramref name="path"/>, or null and why not.</summary>
    public static (string? Root, string? Problem) RepositoryOf(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = System.IO.Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? ".";
        if (!System.IO.Directory.Exists(folder))
            return (null, $"'{path}' does not exist");
        var (code, top) = Git(folder, "rev-parse", "--show-toplevel");
        var root = Encoding.UTF8.GetString(top).Trim();
        return code != 0 || root.Length == 0 ? (null, $"'{path}' is not inside a git repository") : (Path.GetFullPath(root), null);
    }

    /// <summary>The commit <paramref name="reference"/> names in the repository at <paramref name="repositoryRoot"/>, or null and why not.</summary>
    public static (string? Commit, string? Problem) Resolve(string repositoryRoot, string reference)
    {
        if (reference.Length == 0 || reference.StartsWith('-') || reference.Any(char.IsControl))
            return (null, $"--base: '{reference}' is not a git revision");
        var (code, commit) = Git(repositoryRoot, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}");
        var id = Encoding.UTF8.GetString(commit).Trim();
        return code != 0 || id.Length == 0
            ? (null, $"--base: the git revision '{reference}' does not exist (fetch it first, e.g. with fetch-depth: 0)")
            : (id, null);
    }

    /// <summary>The working tree's HEAD commit when every file under <paramref name="paths"/> is as HEAD has it (and none is
    /// untracked), else null. Files are hashed with <c>--no-filters</c> rather than asked of <c>git status</c>, which would
    /// run the clean filters that the tree's .gitattributes name.</summary>
    public static string? CleanHead(string repositoryRoot, IEnumerable<string> paths)
    {
        var (code, head) = Git(repositoryRoot, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        if (code != 0)
            return null;
        var commit = Encoding.UTF8.GetString(head).Trim();
        var pathspecs = paths.Select(p => ":(top,literal)" + Relative(repositoryRoot, p)).ToArray();
        var (untrackedCode, untracked) = Git(repositoryRoot, ["ls-files", "-z", "--others", "--exclude-standard", "--", .. pathspecs]);
        var (listCode, listing) = Git(repositoryRoot, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", .. pathspecs]);
        if (untrackedCode != 0 || untracked.Length > 0 || listCode != 0)
            return null;
        var committed = new List<(string Id, string Path)>();
        foreach (var entry in Encoding.UTF8.GetString(listing).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = entry.IndexOf('\t');
            var fields = tab > 0 ? entry[..tab].Split(' ') : [];
            if (fields is not [_, "blob", var id])
                continue;
            var path = entry[(tab + 1)..];
            if (!File.Exists(Path.Combine(repositoryRoot, path)))
                return null;
            committed.Add((id, path));
        }
        if (committed.Count == 0)
            return commit;
        using var process = Start(repositoryRoot, ["hash-object", "--no-filters", "--stdin-paths"]);
        var hashes = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        foreach (var (_, path) in committed)
            process.StandardInput.Write(path + "\n");
        process.StandardInput.Close();
        if (!process.WaitForExit(GitTimeout))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }
        var ids = hashes.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return process.ExitCode == 0 && ids.SequenceEqual(committed.Select(c => c.Id), StringComparer.Ordinal) ? commit : null;
    }

    /// <summary>Writes the files of <paramref name="commit"/> to a new temporary folder.</summary>
    public static GitRevisionTree Materialise(string repositoryRoot, string commit)
    {
        var directory = Path.Combine(Path.GetTempPath(), "infralint-diff-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var tree = new GitRevisionTree(repositoryRoot, commit, directory);
        try
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, ".git"));
            var (code, listing) = Git(repositoryRoot, "ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit);
            if (code != 0)
                throw new IOException($"git ls-tree could not list {commit}");
            var blobs = new List<(string Id, string Path)>();
            foreach (var entry in Encoding.UTF8.GetString(listing).Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                // "<mode> <type> <id>\t<path>"; regular files only (100644, 100755): no links, no submodules.
                var tab = entry.IndexOf('\t');
                var fields = tab > 0 ? entry[..tab].Split(' ') : [];
                if (fields is [var mode, "blob", var id] && mode is "100644" or "100755" && Safe(entry[(tab + 1)..]) is { } relative)
                    blobs.Add((id, relative));
            }
            WriteBlobs(repositoryRoot, directory, blobs);
            return tree;
        }
        catch
        {
            tree.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (System.IO.Directory.Exists(Directory))
                System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open on another platform; the temporary folder is the system's to clean then.
        }
    }

    // git never records '..' or an absolute path, but the listing is the analysed repository's: check anyway.
    private static string? Safe(string path)
    {
        var segments = path.Split('/');
        return segments.Any(s => s is "" or "." or ".." || s.Contains('\\') || s.Any(char.IsControl)) || segments[0] == ".git"
            ? null
            : Path.Combine(segments);
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/') is var r && r == "." ? "" : r;

    private static void WriteBlobs(string repositoryRoot, string directory, IReadOnlyList<(string Id, string Path)> blobs)
    {
        if (blobs.Count == 0)
            return;
        using var process = Start(repositoryRoot, ["cat-file", "--batch"]);
        var input = process.StandardInput;
        var output = process.StandardOutput.BaseStream;
        var error = process.StandardError.ReadToEndAsync();
        // Requests go out as answers come back, one at a time, so neither pipe can fill up.
        foreach (var (id, path) in blobs)
        {
            input.Write(id + "\n");
            input.Flush();
            var header = ReadLine(output).Split(' ');
            if (header is not [_, "blob", var sizeText] || !long.TryParse(sizeText, out var size))
                throw new IOException($"git cat-file could not read {path}");
            var target = Path.Combine(directory, path);
            if (size > Inputs.RegularFile.MaxBytes)
            {
                Skip(output, size + 1);
                continue;
            }
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using (var file = new FileStream(target, FileMode.Create, FileAccess.Write))
                Copy(output, file, size);
            Skip(output, 1); // the line feed after the content
        }
        input.Close();
        if (!process.WaitForExit(GitTimeout))
            process.Kill(entireProcessTree: true);
        _ = error.Result;
    }

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        for (var b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
        {
            if (b < 0)
                throw new IOException("git cat-file ended early");
            bytes.Add((byte)b);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static void Copy(Stream from, Stream to, long count)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read <= 0)
                throw new IOException("git cat-file ended early");
            to.Write(buffer, 0, read);
            count -= read;
        }
    }

    private static void Skip(Stream from, long count) => Copy(from, Stream.Null, count);

    private static Process Start(string directory, IEnumerable<string> arguments) => GitCommand.Start(directory, arguments);

    private static (int Code, byte[] Output) Git(string directory, params string[] arguments) => GitCommand.Run(directory, GitTimeout, arguments);
}
