namespace InfraLint.Core.Bicep;

/// <summary>
/// Decides, before compiling, which registry references (<c>br:</c>, <c>br/alias:</c>, <c>ts:</c> modules, type
/// imports and extensions) the compiler cannot have: not in the local cache, and restoring is off or the registry does
/// not answer. Compiling such a file as it is would block for tens of seconds retrying the restore and then fail; these
/// references are replaced by opaque stand-ins instead (<see cref="ScratchCopy"/>). Results are cached per run, since
/// many entry files share modules.
/// </summary>
/// <param name="restore">true: always let the compiler restore; false: never; null: when the registry is reachable.</param>
internal sealed class UnrestoredModules(bool? restore, RegistryReachability reachability)
{
    private const int MaxDepth = 32;
    private readonly Dictionary<string, bool> needsScratch = new(StringComparer.Ordinal);

    /// <summary>
    /// Why the registry reference <paramref name="path"/> (as written in <paramref name="fromFile"/>; an extension
    /// named through bicepconfig.json carries <see cref="BicepReference.ExtensionPrefix"/>) cannot be had; null when it
    /// can, or when it is not a registry reference.
    /// </summary>
    public string? Unavailable(string path, string fromFile)
    {
        if (path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal))
        {
            var configured = RegistryModuleCache.ConfiguredExtension(path[BicepReference.ExtensionPrefix.Length..], fromFile);
            return configured is null || !RegistryModuleCache.IsRegistryReference(configured) ? null : Unavailable(configured, fromFile); // built-in extensions need no restore
        }
        if (!RegistryModuleCache.IsRegistryReference(path) || RegistryModuleCache.IsRestored(path, fromFile) || restore == true)
            return null;
        if (restore == false)
            return "it is not in the local module cache and restoring is off (InfraLintRestoreModules=false, no --restore)";
        if (RegistryModuleCache.RegistryOf(path, fromFile) is not { } registry)
            return "it is not in the local module cache and its registry cannot be resolved from bicepconfig.json";
        return reachability.IsReachable(registry) ? null : $"it is not in the local module cache and registry '{registry}' is not reachable";
    }

    /// <summary>Whether the local Bicep file <paramref name="file"/> reaches, through its modules and imports, something
    /// that cannot be had or a file in <paramref name="broken"/>, so that a compile needs a scratch copy of it.</summary>
    public bool NeedsScratch(string file, IReadOnlySet<string> broken) => NeedsScratch(file, broken, 0);

    private bool NeedsScratch(string file, IReadOnlySet<string> broken, int depth)
    {
        var cached = broken.Count == 0;
        if (cached && needsScratch.TryGetValue(file, out var known))
            return known;
        if (cached)
            needsScratch[file] = false; // guards against cycles; the compiler reports those itself
        var result = false;
        if (depth < MaxDepth && File.Exists(file))
        {
            var document = BicepParser.Parse(Inputs.RegularFile.ReadAllText(file));
            result = document.References.Append(document.Using).OfType<BicepReference>().Any(r => Unavailable(r.Path, file) is not null ||
                LocalTarget(file, r.Path) is { } target && (broken.Contains(target) || NeedsScratch(target, broken, depth + 1)));
        }
        if (cached)
            needsScratch[file] = result;
        return result;
    }

    /// <summary>The full path of a local Bicep module or import, or null for registry, extension and ARM JSON references.</summary>
    public static string? LocalTarget(string fromFile, string path) =>
        RegistryModuleCache.IsRegistryReference(path) || path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal) ||
        !path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFile)!, path));
}
