using InfraLint.Core.Inputs;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Tells whether a registry module reference (<c>br:</c>, <c>br/alias:</c>, <c>ts:</c>) is in the
/// local module cache. <c>bicep jsonrpc</c> has no --no-restore: compiling a file whose module is
/// not cached blocks for 10–46 s on a machine without network, so such files are reported up front.
/// </summary>
internal static class RegistryModuleCache
{
    public static bool IsRegistryReference(string path) =>
        path.StartsWith("br:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("br/", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWith("ts:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("ts/", StringComparison.OrdinalIgnoreCase);

    public static bool IsRestored(string reference, string bicepFile)
    {
        var cacheRoot = CacheRoot(bicepFile);
        if (reference.StartsWith("ts", StringComparison.OrdinalIgnoreCase))
            return ResolveTemplateSpec(reference, bicepFile) is { } spec && File.Exists(Path.Combine([cacheRoot, "ts", .. spec, "main.json"]));
        if (Resolve(reference, bicepFile) is not var (registry, repository, tag))
            return false;
        // As the compiler decides (OciArtifactRegistry.IsArtifactRestoreRequired): a module is restored when these three are there.
        var directory = Path.Combine(cacheRoot, "br", registry.Replace(':', '$'), repository.Replace('/', '$'), tag.Replace(':', '#') + "$");
        return File.Exists(Path.Combine(directory, "main.json")) && File.Exists(Path.Combine(directory, "manifest")) &&
            File.Exists(Path.Combine(directory, "metadata"));
    }

    /// <summary>The host (host:port) a restore of <paramref name="reference"/> talks to, or null when the reference cannot be resolved.</summary>
    public static string? RegistryOf(string reference, string bicepFile) =>
        reference.StartsWith("ts", StringComparison.OrdinalIgnoreCase)
            ? ResolveTemplateSpec(reference, bicepFile) is null ? null : "management.azure.com"
            : Resolve(reference, bicepFile)?.Registry;

    // Where the compiler keeps restored modules: bicepconfig.json "cacheRootDirectory" (as Bicep reads it, '~' is the
    // home folder), else BICEP_CACHE_DIRECTORY, else ~/.bicep.
    private static string CacheRoot(string bicepFile)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (NearestConfig(bicepFile)?["cacheRootDirectory"] is JValue { Type: JTokenType.String } configured && (string?)configured is { Length: > 0 } root)
        {
            if (root == "~" || root.StartsWith("~/", StringComparison.Ordinal))
                root = Path.Combine(home, root.Length > 2 ? root[2..] : string.Empty);
            if (Path.IsPathFullyQualified(root))
                return root; // the compiler rejects a relative one
        }
        return DefaultCacheRoot;
    }

    /// <summary>Where the compiler keeps restored registry modules unless a bicepconfig.json says otherwise
    /// (BICEP_CACHE_DIRECTORY, else ~/.bicep). An untrusted run allows compile-time reads only from this one:
    /// a bicepconfig.json in the analysed tree could otherwise name any folder as its cache.</summary>
    public static string DefaultCacheRoot => Environment.GetEnvironmentVariable("BICEP_CACHE_DIRECTORY") is { Length: > 0 } fromEnv
        ? fromEnv
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".bicep");

    // ts:SUBSCRIPTION/RESOURCEGROUP/NAME:VERSION, ts/ALIAS:NAME:VERSION → the cache folders below ts/.
    private static string[]? ResolveTemplateSpec(string reference, string bicepFile)
    {
        var rest = reference[3..];
        var versionAt = rest.LastIndexOf(':');
        if (versionAt <= 0)
            return null;
        var version = rest[(versionAt + 1)..];
        var target = rest[..versionAt];
        string[] parts;
        if (reference.StartsWith("ts:", StringComparison.OrdinalIgnoreCase))
        {
            parts = target.Split('/');
        }
        else
        {
            var colon = target.IndexOf(':');
            var alias = colon < 0 ? null : NearestConfig(bicepFile)?["moduleAliases"]?["ts"]?[target[..colon]];
            if (alias?["subscription"] is not JValue { Type: JTokenType.String } subscription || alias["resourceGroup"] is not JValue { Type: JTokenType.String } group)
                return null;
            parts = [(string)subscription!, (string)group!, target[(colon + 1)..]];
        }
        return parts.Length == 3 && parts.All(p => p.Length > 0 && !p.Contains("..", StringComparison.Ordinal)) && version.Length > 0 ? [.. parts, version] : null;
    }

    // br:REGISTRY/REPO:TAG, br/ALIAS:PATH:TAG (public = mcr.microsoft.com/bicep)
    private static (string Registry, string Repository, string Tag)? Resolve(string reference, string bicepFile)
    {
        string registry, repository;
        var rest = reference[3..];
        var tagAt = rest.LastIndexOf(':');
        if (tagAt < 0)
            tagAt = rest.LastIndexOf('@');
        if (tagAt < 0)
            return null;
        var tag = rest[(tagAt + 1)..];
        var target = rest[..tagAt];
        if (reference.StartsWith("br:", StringComparison.OrdinalIgnoreCase))
        {
            var slash = target.IndexOf('/');
            if (slash < 0)
                return null;
            registry = target[..slash];
            repository = target[(slash + 1)..];
        }
        else
        {
            var colon = target.IndexOf(':');
            if (colon < 0)
                return null;
            var alias = target[..colon];
            var modulePath = target[(colon + 1)..];
            if (FindAlias(alias, bicepFile) is not var (aliasRegistry, aliasPath))
                return null;
            registry = aliasRegistry;
            repository = string.IsNullOrEmpty(aliasPath) ? modulePath : aliasPath.TrimEnd('/') + "/" + modulePath;
        }
        return (registry, repository, tag);
    }

    /// <summary>The registry reference an extension name stands for in the nearest bicepconfig.json, if any.</summary>
    public static string? ConfiguredExtension(string name, string bicepFile) =>
        NearestConfig(bicepFile)?["extensions"]?[name] is JValue { Type: JTokenType.String } value ? (string)value! : null;

    private static (string Registry, string? ModulePath)? FindAlias(string alias, string bicepFile)
    {
        var aliases = NearestConfig(bicepFile)?["moduleAliases"]?["br"]?[alias];
        if (aliases?["registry"] is JValue { Type: JTokenType.String } r)
            return ((string)r!, (string?)aliases["modulePath"]);
        return alias.Equals("public", StringComparison.OrdinalIgnoreCase) ? ("mcr.microsoft.com", "bicep") : null;
    }

    // The nearest bicepconfig.json is the one that applies; a broken one is the compiler's to report.
    private static JObject? NearestConfig(string bicepFile)
    {
        if (NearestConfigPath(bicepFile) is { } config)
        {
            try
            {
                return JObject.Parse(RegularFile.ReadAllText(config), new Newtonsoft.Json.Linq.JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
            }
            catch (Exception e) when (e is Newtonsoft.Json.JsonException or IOException)
            {
                return null;
            }
        }
        return null;
    }

    internal static string? NearestConfigPath(string bicepFile)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(bicepFile)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var config = Path.Combine(directory, "bicepconfig.json");
            if (File.Exists(config))
                return config;
        }
        return null;
    }
}
