using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary>The repositories <c>diff --base</c> and <c>graph --base</c> are tested on: each testdata/diff/&lt;case&gt; made into a git repository.</summary>
internal static class DiffRepository
{
    /// <summary>A git repository with the case's base committed and its head in the working tree.</summary>
    public static CliWorkspace Repository(string name, bool reversed = false)
    {
        var workspace = new CliWorkspace();
        var (before, after) = reversed ? ("head", "base") : ("base", "head");
        Git(workspace.Root, "init", "-q");
        Copy(TestEnvironment.TestData("diff", name, before), workspace.Root);
        Git(workspace.Root, "add", "-A");
        Git(workspace.Root, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "base");
        foreach (var entry in Directory.EnumerateFileSystemEntries(workspace.Root).Where(e => Path.GetFileName(e) != ".git"))
        {
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            else
                File.Delete(entry);
        }
        Copy(TestEnvironment.TestData("diff", name, after), workspace.Root);
        return workspace;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static string Git(string directory, params string[] arguments)
    {
        var run = ProcessRunner.Run("git", arguments, directory, TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        return run.StandardOutput;
    }
}
