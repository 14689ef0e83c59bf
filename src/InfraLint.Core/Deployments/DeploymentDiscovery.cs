using System.Security.Cryptography;
using InfraLint.Core.Config;

namespace InfraLint.Core.Deployments;

/// <summary>
/// Finds the deployments a repository declares: infralint.json <c>deployments</c>, GitHub Actions workflows, Azure
/// Pipelines YAML, azd environments, and the parameters files none of those use. Nothing found is run; files are
/// read bounded, and one that cannot be read is a note.
/// </summary>
public static class DeploymentDiscovery
{
    private const int MaxEntries = 50_000;

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules", ".vs" };

    /// <summary>The nearest folder at or above <paramref name="path"/> with a <c>.git</c> entry, or null.</summary>
    public static string? RepositoryRoot(string path) => Inputs.RepositoryRoot.Of(path);

    /// <summary>The deployments a project's build analyses: those declared under <paramref name="root"/>, or when it is
    /// null under the project's repository root (the nearest folder with <c>.git</c> above it, else the project folder).</summary>
    /// <param name="cacheFile">Where to keep what was found, so that the next build of an unchanged tree parses nothing again; or null.</param>
    public static DiscoveryResult ForProject(string projectDirectory, string? root, string? configFile, string? cacheFile = null) =>
        Discover(root ?? RepositoryRoot(projectDirectory) ?? projectDirectory, configFile, cacheFile);

    /// <summary>Every deployment declared under <paramref name="root"/>, named uniquely and sorted by template then name.</summary>
    /// <param name="configFile">An infralint.json to use instead of the nearest one at or above the root.</param>
    /// <param name="cacheFile">See <see cref="DiscoveryCache"/>; null to discover afresh.</param>
    public static DiscoveryResult Discover(string root, string? configFile = null, string? cacheFile = null)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(root))
            return DiscoveryResult.Empty(root);
        var notes = new List<string>();
        using var fingerprint = DiscoveryCache.Begin(root, configFile);
        var files = Walk(root, notes, fingerprint);
        var stamp = DiscoveryCache.Finish(fingerprint);
        if (cacheFile is not null && DiscoveryCache.Read(cacheFile, root, stamp) is { } cached)
            return cached;
        var result = Discover(root, configFile, files, notes);
        if (cacheFile is not null)
            DiscoveryCache.Write(cacheFile, stamp, result);
        return result;
    }

    private static DiscoveryResult Discover(string root, string? configFile, List<string> files, List<string> walkNotes)
    {
        var config = new ConfigLoader(configFile).For(Path.Combine(root, ConfigLoader.FileName));
        var collector = new DeploymentCollector(root, config.Environments);
        collector.Notes.AddRange(walkNotes);

        ConfiguredDeploymentsSource.Read(config, collector);
        // A repository nested in the tree (a sample, a vendored project) keeps its own workflows: paths resolve from its folder.
        foreach (var file in files.Where(IsWorkflow))
            GitHubActionsSource.Read(file, Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(file)!)!)!, collector);
        foreach (var file in files.Where(f => IsYaml(f) && !IsWorkflow(f) && !IsAzdFile(f) && MayBePipeline(f, root)))
            AzurePipelinesSource.Read(file, collector);
        foreach (var file in files.Where(f => Path.GetFileName(f) is "azure.yaml" or "azure.yml"))
            AzdSource.Read(file, collector);

        var used = collector.Build().Select(d => d.Parameters).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.Where(f => (f.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".parameters.json", StringComparison.OrdinalIgnoreCase)) && !used.Contains(f)))
            ParametersFileSource.Read(file, collector);
        return new DiscoveryResult(root, collector.Build(), collector.Notes.Distinct(StringComparer.Ordinal).ToList());
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private static bool IsWorkflow(string path) =>
        IsYaml(path) && Path.GetFileName(Path.GetDirectoryName(path)) == "workflows" && Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))) == ".github";

    private static bool IsAzdFile(string path) => Path.GetFileName(path) is "azure.yaml" or "azure.yml";

    // Pipeline files are named for it or live in a pipelines folder; other YAML (Kubernetes, OpenAPI, compose files) is not read.
    private static bool MayBePipeline(string path, string root)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.Contains("pipeline", StringComparison.Ordinal) || name.StartsWith("azure-pipelines", StringComparison.Ordinal))
            return true;
        var folders = Path.GetRelativePath(root, path).Replace('\\', '/').ToLowerInvariant().Split('/').SkipLast(1).ToList();
        return folders.Count == 0 || folders.Any(folder => folder.Contains("pipeline", StringComparison.Ordinal) ||
            folder is ".ado" or ".azuredevops" or ".azure-devops" or ".devops" or "ci" or ".ci" or "cicd" or "build" or "deploy" or "deployment" or "deployments");
    }

    // Every entry walked goes into the fingerprint, so a file added, removed or changed anywhere discovers again.
    private static List<string> Walk(string root, List<string> notes, IncrementalHash fingerprint)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        var seen = 0;
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (++seen > MaxEntries)
                {
                    notes.Add($"more than {MaxEntries} files: deployment discovery stopped early");
                    return files;
                }
                // A link is never followed (it may point anywhere); the attribute comes with the entry's own status, no extra call.
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                    continue;
                DiscoveryCache.Add(fingerprint, entry);
                if (entry is DirectoryInfo)
                {
                    if (!SkippedDirectories.Contains(entry.Name))
                        pending.Push(entry.FullName);
                }
                else if (IsYaml(entry.FullName) || entry.Name.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) || entry.Name.EndsWith(".parameters.json", StringComparison.OrdinalIgnoreCase))
                {
                    files.Add(entry.FullName);
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
