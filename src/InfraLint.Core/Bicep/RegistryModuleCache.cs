using InfraLint.Core.Engine;
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

    /// <summary>Where the compiler keeps restored registry modules.</summary>
    public static string CacheRoot => Environment.GetEnvironmentVariable("BICEP_CACHE_DIRECTORY") is { Length: > 0 } fromEnv
        ? fromEnv
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".bicep");

    public static bool IsRestored(string reference, string bicepFile)
    {
        var cacheRoot = CacheRoot;
        if (!reference.StartsWith("br", StringComparison.OrdinalIgnoreCase))
            return Directory.Exists(Path.Combine(cacheRoot, "ts")); // template specs: cannot be resolved offline in detail
        if (Resolve(reference, bicepFile) is not var (registry, repository, tag))
            return false;
        var directory = Path.Combine(cacheRoot, "br", registry, repository.Replace('/', '$'), tag.Replace(':', '#') + "$");
        return File.Exists(Path.Combine(directory, "main.json"));
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
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(bicepFile)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var config = Path.Combine(directory, "bicepconfig.json");
            if (!File.Exists(config))
                continue;
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
}
