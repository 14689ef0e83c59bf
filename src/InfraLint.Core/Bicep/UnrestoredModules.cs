namespace InfraLint.Core.Bicep;

/// <summary>
/// Finds, before compiling, a registry module (<c>br:</c>, <c>br/alias:</c>, <c>ts:</c>) that a file
/// uses directly or through its local modules and imports and that is not in the local cache.
/// Such a compile would block for tens of seconds retrying the restore. Results are cached per run,
/// since many entry files share modules.
/// </summary>
internal sealed class UnrestoredModules
{
    private const int MaxDepth = 32;
    private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);

    /// <summary>The first unrestored reference reached from <paramref name="document"/>, with the line in this file that leads to it.</summary>
    public (string Reference, BicepReference Via)? Find(string filePath, BicepDocument document)
    {
        foreach (var reference in document.References)
        {
            var missing = Check(filePath, reference.Path, depth: 0);
            if (missing is not null)
                return (missing, reference);
        }
        return null;
    }

    private string? Check(string fromFile, string path, int depth)
    {
        if (path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal))
        {
            var configured = RegistryModuleCache.ConfiguredExtension(path[BicepReference.ExtensionPrefix.Length..], fromFile);
            return configured is null ? null : Check(fromFile, configured, depth); // built-in extensions need no restore
        }
        if (RegistryModuleCache.IsRegistryReference(path))
            return RegistryModuleCache.IsRestored(path, fromFile) ? null : path;
        if (depth >= MaxDepth || !path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
            return null; // ARM JSON modules load nothing further
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFile)!, path));
        if (cache.TryGetValue(target, out var known))
            return known;
        cache[target] = null; // guards against cycles; the compiler reports those itself
        string? result = null;
        if (File.Exists(target))
        {
            string text;
            try
            {
                text = Engine.RegularFile.ReadAllText(target);
            }
            catch (IOException)
            {
                cache.Remove(target); // not "no unrestored module": the next file that uses it must fail the same way
                throw;
            }
            var document = BicepParser.Parse(text);
            result = document.References.Select(r => Check(target, r.Path, depth + 1)).FirstOrDefault(r => r is not null);
        }
        cache[target] = result;
        return result;
    }
}
