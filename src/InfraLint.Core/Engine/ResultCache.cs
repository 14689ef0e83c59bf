using System.Diagnostics;
using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using InfraLint.Core.Bicep;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Engine;

/// <summary>
/// The results of the previous run, kept in a cache file (the MSBuild task keeps it in obj/), for
/// <see cref="InfraLintEngine.Analyze"/> when <see cref="AnalysisOptions.CacheFile"/> is set. An input file is analysed
/// again only when a file it depends on changed (a module edit re-analyses every entry that compiled it); a change to
/// InfraLint, its rules, the compiler, the options or any configuration file (infralint.json, .editorconfig,
/// .globalconfig, bicepconfig.json, extra inputs such as rule packs) re-analyses everything. When nothing changed,
/// the compiler is not started and the previous findings are reported as they were. A missing, corrupt or foreign
/// cache means a full analysis, never a failure.
/// </summary>
internal sealed class ResultCache
{
    private static readonly string[] ConfigFileNames = ["infralint.json", ".editorconfig", ".globalconfig", "bicepconfig.json"];

    private readonly AnalysisOptions options;
    private readonly string cacheFile;
    private readonly long runStart = DateTime.UtcNow.Ticks;
    private readonly string key;
    private readonly string day;
    private readonly CacheDocument? previous;
    private readonly Dictionary<string, CachedEntry> reusable = new(StringComparer.Ordinal);
    private readonly List<CachedEntry> toStore = [];
    private bool refreshed;

    public ResultCache(AnalysisOptions options, string cacheFile)
    {
        this.options = options;
        this.cacheFile = cacheFile;
        key = BuildKey();
        day = options.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (previous, Note) = Read(key);
        foreach (var entry in previous?.Entries ?? [])
        {
            if (AllCurrent(entry.Dependencies, out var stamps, ref refreshed))
            {
                entry.Dependencies = stamps;
                reusable[entry.Path] = entry;
            }
        }
    }

    /// <summary>Why the cache was not used or not written (unreadable, unwritable), or null.</summary>
    public string? Note { get; private set; }

    /// <summary>
    /// When nothing changed since the previous run (same inputs, every dependency and configuration file as it was,
    /// the same day): its final findings, to report as they are; the cache is rewritten only if a stamp was refreshed.
    /// </summary>
    public (IReadOnlyList<Finding> Findings, int FilesAnalyzed)? Unchanged(IReadOnlyList<InputFile> files, RuleCatalogue catalogue)
    {
        if (previous is null || previous.Day != day || files.Count != previous.Entries.Count ||
            !files.All(f => reusable.TryGetValue(f.Key, out var e) && e.Explicit == f.Explicit))
            return null;
        if (refreshed)
            Note = Write(previous);
        return (previous.Findings.Select(f => ToFinding(f, catalogue, null)).ToList(), previous.FilesAnalyzed);
    }

    /// <summary>The cached result of <paramref name="file"/> when nothing it depends on changed, else null.</summary>
    public EntryAnalysis? Reuse(InputFile file, RuleCatalogue catalogue)
    {
        // The trust graph needs every deployment model: when anything changed, every file is analysed again.
        if (options.CollectDeployments || !reusable.TryGetValue(file.Key, out var cached) || cached.Explicit != file.Explicit)
            return null;
        toStore.Add(cached);
        return ToEntry(cached, file, catalogue);
    }

    /// <summary>Keeps a fresh result for the next run, if it can be checked later.</summary>
    public void Store(EntryAnalysis analysed)
    {
        if (ToCache(analysed, runStart) is { } stored)
            toStore.Add(stored);
    }

    /// <summary>Writes what this run stored, with the final findings and the configuration files it depends on.</summary>
    public void Save(IReadOnlyList<InputFile> files, AnalysisResult final, IEnumerable<string> packFiles)
    {
        var document = new CacheDocument
        {
            Version = CacheDocument.CurrentVersion,
            Key = key,
            Day = day,
            Inputs = ConfigStamps(files.Select(f => f.Path).Concat(toStore.SelectMany(e => e.Dependencies.Select(d => d.Path))), packFiles),
            Entries = toStore,
            FilesAnalyzed = final.FilesAnalyzed,
            Findings = final.Findings.Select(f => FromFinding(f, null)).ToList(),
        };
        Note = Write(document) ?? Note;
    }

    // Everything whose change invalidates every cached result, except files (those are stamped in Inputs).
    private string BuildKey()
    {
        var assemblies = options.Rules.Select(r => r.GetType().Assembly)
            .Append(typeof(ResultCache).Assembly)
            .Append(typeof(Rule).Assembly)
            .Distinct()
            .Select(a => $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId:N}")
            .Order(StringComparer.Ordinal);
        var rules = options.Rules.Select(r => $"{r.Describe.Id}:{r.Describe.DefaultSeverity}").Order(StringComparer.Ordinal);
        var compiler = BicepCompilerLocator.Find(options.BicepPath, options.MSBuildBicepPath) is { } path && new FileInfo(path) is { Exists: true } info
            ? $"{path}:{info.Length}:{info.LastWriteTimeUtc.Ticks}"
            : "none";
        return string.Join('|',
            $"v{CacheDocument.CurrentVersion}",
            string.Join(',', assemblies),
            string.Join(',', rules),
            "compiler=" + compiler,
            "config=" + (options.ConfigFile is null ? "" : Path.GetFullPath(options.ConfigFile)),
            "restore=" + (options.RestoreModules?.ToString() ?? "reachable"),
            "generated=" + options.AnalyzeGeneratedTemplates,
            "timeout=" + (int)options.CompileTimeout.TotalSeconds);
    }

    // Every configuration file that applies or could appear next to an input or a dependency (in its folder or
    // any folder above it), the explicit infralint.json, the rule packs infralint.json files name and the extra
    // inputs: a change to any is a change to all.
    private List<FileStamp> ConfigStamps(IEnumerable<string> paths, IEnumerable<string> packFiles)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            for (var directory = Path.GetDirectoryName(path); directory is not null && directories.Add(directory); directory = Path.GetDirectoryName(directory))
            {
                foreach (var name in ConfigFileNames)
                    candidates.Add(Path.Combine(directory, name));
            }
        }
        if (options.ConfigFile is not null)
            candidates.Add(Path.GetFullPath(options.ConfigFile));
        foreach (var extra in options.CacheInputs.Concat(packFiles))
            candidates.Add(Path.GetFullPath(extra));
        return candidates.Select(FileStamp.Of).ToList();
    }

    private (CacheDocument? Document, string? Note) Read(string key)
    {
        if (!File.Exists(cacheFile))
            return (null, null);
        CacheDocument? document;
        try
        {
            using var stream = File.OpenRead(cacheFile);
            document = JsonSerializer.Deserialize(stream, CacheJsonContext.Default.CacheDocument);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return (null, $"the cache '{cacheFile}' could not be read ({e.GetType().Name}); every file is analyzed again");
        }
        if (document is null || document.Version != CacheDocument.CurrentVersion || document.Key != key ||
            document.Entries is null || document.Findings is null || document.Inputs is null ||
            document.Entries.Any(e => e is null || e.Path is null || e.Dependencies is null || e.Deploys is null || e.Findings is null || e.Resources is null || e.Suppressions is null) ||
            !Consistent(document))
            return (null, null); // another InfraLint, compiler, option or format: start over
        var refreshed = false;
        if (!AllCurrent(document.Inputs, out var inputs, ref refreshed))
            return (null, null); // a configuration file changed
        document.Inputs = inputs;
        return (document, null);
    }

    // A hand-edited or truncated-but-parsable cache must not crash the run: indices and locations are checked once here.
    private static bool Consistent(CacheDocument document) =>
        document.Findings.All(Valid) && document.Inputs.All(s => s?.Path is not null) &&
        document.Entries.All(e => e.Dependencies.All(s => s?.Path is not null) &&
            e.Resources.All(r => r?.Declaration?.FilePath is not null && r.Type is not null && r.ApiVersion is not null) &&
            e.Suppressions.All(s => s?.Declared?.FilePath is not null && s.Ids is { Count: > 0 } && s.Ids.All(i => i is not null) &&
                s.Used is not null && s.Used.All(i => i is not null)) &&
            e.Findings.All(f => Valid(f) && (f.Resource is null || (f.Resource >= 0 && f.Resource < e.Resources.Count))));

    private static bool Valid(CachedFinding? finding) =>
        finding?.Id is not null && finding.Message is not null && (finding.Location is null || finding.Location.FilePath is not null) &&
        Enum.IsDefined(finding.Severity);

    private static bool AllCurrent(List<FileStamp> stamps, out List<FileStamp> current, ref bool refreshed)
    {
        current = new List<FileStamp>(stamps.Count);
        foreach (var stamp in stamps)
        {
            if (!stamp.IsCurrent(out var now))
                return false;
            refreshed |= !ReferenceEquals(now, stamp);
            current.Add(now);
        }
        return true;
    }

    private string? Write(CacheDocument document)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(document, CacheJsonContext.Default.CacheDocument);
            if (File.Exists(cacheFile) && new FileInfo(cacheFile).Length == bytes.Length && File.ReadAllBytes(cacheFile).AsSpan().SequenceEqual(bytes))
                return null;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
            // Written aside and moved into place, so a build killed mid-write leaves the old cache or the new one.
            var temporary = $"{cacheFile}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, cacheFile, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the cache '{cacheFile}' could not be written ({e.Message}); the next build analyzes every file again";
        }
    }

    // Results that cannot be checked later (unknown dependencies) or were computed while a file they read was
    // being written (its time is after the run started) are not kept.
    private static CachedEntry? ToCache(EntryAnalysis entry, long runStart)
    {
        if (entry.Dependencies is null || entry.CompilerUnavailable)
            return null;
        var stamps = entry.Dependencies.Append(entry.File.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(FileStamp.Of).ToList();
        if (stamps.Any(s => s.Ticks >= runStart))
            return null;
        var resources = new List<ResourceModel>();
        int Index(ResourceModel resource)
        {
            var index = resources.FindIndex(r => ReferenceEquals(r, resource));
            if (index >= 0)
                return index;
            resources.Add(resource);
            return resources.Count - 1;
        }
        var findings = entry.Findings.Select(f => FromFinding(f, f.Resource is null ? null : Index(f.Resource))).ToList();
        return new CachedEntry
        {
            Path = entry.File.Key,
            Explicit = entry.File.Explicit,
            Analyzed = entry.Analyzed,
            Dependencies = stamps,
            Deploys = [.. entry.Deploys],
            Resources = resources.Select(r => new CachedResource
            {
                Type = r.Type,
                ApiVersion = r.ApiVersion,
                SymbolicName = r.SymbolicName,
                EvaluatedName = r.EvaluatedName,
                IsExisting = r.IsExisting,
                Declaration = r.Declaration,
            }).ToList(),
            Suppressions = entry.Suppressions.Select(s => new CachedSuppression
            {
                Declared = s.Declared,
                Ids = [.. s.Ids],
                Justification = s.Justification,
                IsPragma = s.IsPragma,
                Used = [.. s.Used],
            }).ToList(),
            Findings = findings,
        };
    }

    private static EntryAnalysis ToEntry(CachedEntry cached, InputFile file, RuleCatalogue catalogue)
    {
        var resources = cached.Resources.Select(ToResource).ToList();
        var findings = cached.Findings.Select(f => ToFinding(f, catalogue, f.Resource is { } i ? resources[i] : null)).ToList();
        var suppressions = cached.Suppressions.Select(s => new SourceSuppression(s.Declared, s.Ids, s.Justification, s.IsPragma, s.Used)).ToList();
        return new EntryAnalysis(file, findings, suppressions,
            cached.Analyzed, CompilerUnavailable: false, cached.Dependencies.Select(d => d.Path).ToList()) { Deploys = cached.Deploys };
    }

    // Configured suppressions read only the names of a finding's resource.
    private static ResourceModel ToResource(CachedResource cached) =>
        new(new JObject(), cached.Type, cached.ApiVersion, cached.SymbolicName, cached.IsExisting, cached.Declaration, cached.EvaluatedName);

    private static CachedFinding FromFinding(Finding finding, int? resource) => new()
    {
        Id = finding.Id,
        Severity = finding.Severity,
        Location = finding.Location,
        Message = finding.Message,
        ResourceName = finding.ResourceName,
        ResourceType = finding.ResourceType,
        PropertyPath = finding.PropertyPath,
        Resource = resource,
        Suppression = finding.Suppression,
        Deployments = finding.Deployments?.ToList(),
        Exempts = finding.Exempts,
    };

    private static Finding ToFinding(CachedFinding cached, RuleCatalogue catalogue, ResourceModel? resource)
    {
        var descriptor = catalogue.Find(cached.Id) ?? new RuleDescriptor(cached.Id, cached.Id, "{0}", RuleCategory.Tooling, cached.Severity);
        return new Finding(descriptor, cached.Severity, cached.Location, cached.Message, cached.ResourceName, cached.ResourceType, cached.PropertyPath)
        {
            Resource = resource,
            Suppression = cached.Suppression,
            Deployments = cached.Deployments,
            Exempts = cached.Exempts,
        };
    }
}
