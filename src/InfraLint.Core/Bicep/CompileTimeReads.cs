using InfraLint.Core.Inputs;

namespace InfraLint.Core.Bicep;

/// <summary>
/// What a Bicep file reads when it is compiled, judged before and after the compile on an untrusted run: the
/// environment (<c>readEnvironmentVariable()</c>) and files outside the repository (<c>loadTextContent('../..')</c>,
/// modules and imports out of the tree, symbolic links that point out). The compiler inlines what it read into the
/// compiled JSON, so a value read there could reach any output; such a file is not analysed at all.
/// </summary>
internal static class CompileTimeReads
{
    internal static readonly HashSet<string> LoadFunctions = new(StringComparer.Ordinal)
    {
        "loadTextContent", "loadFileAsBase64", "loadJsonContent", "loadYamlContent", "loadDirectoryFileInfo",
    };

    /// <summary>Before the compile, from the source: an environment read, or a <c>load*()</c>, local module, import or
    /// <c>using</c> of a path outside the boundary or of a file that is not a regular one (a FIFO would block the compiler).
    /// Null when none.</summary>
    public static string? BeforeCompile(BicepSource source, ReadBoundary boundary)
    {
        var path = source.Path;
        foreach (var reference in source.Syntax.References)
        {
            if (reference.Path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal) || RegistryModuleCache.IsRegistryReference(reference.Path))
                continue;
            if (Problem(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference.Path)), boundary) is { } problem)
                return $"the module or import at line {reference.Line} {problem}";
        }
        return Environment(source.Tokens) ?? Loads(path, source.Tokens, boundary);
    }

    private static string? Environment(IReadOnlyList<BicepToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] is { Kind: BicepTokenKind.Identifier, Text: "readEnvironmentVariable" } token && tokens[i + 1].Is("("))
                return $"it reads the environment (readEnvironmentVariable() at line {token.Line}); values from the environment are not analysed on an untrusted run";
        }
        return null;
    }

    private static string? Loads(string path, IReadOnlyList<BicepToken> tokens, ReadBoundary boundary)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != BicepTokenKind.Identifier || i + 1 >= tokens.Count || !tokens[i + 1].Is("("))
                continue;
            if (LoadFunctions.Contains(token.Text) && i + 2 < tokens.Count && tokens[i + 2] is { Kind: BicepTokenKind.String, IsInterpolated: false } argument &&
                Problem(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, argument.Text)), boundary) is { } problem)
                return $"{token.Text}() at line {token.Line} {problem}";
        }
        return null;
    }

    /// <summary>After the compile, from the files the compiler says it read: each must be inside the boundary (restored
    /// registry modules and bicepconfig.json files aside), and the Bicep among them must not read the environment.</summary>
    public static string? AfterCompile(string entry, IReadOnlyList<string>? references, ReadBoundary boundary, BicepDocuments documents)
    {
        if (references is null)
            return "the compiler could not tell which files it reads";
        var cache = new ReadBoundary([RegistryModuleCache.DefaultCacheRoot]);
        foreach (var reference in references)
        {
            if (Path.GetFileName(reference).Equals("bicepconfig.json", StringComparison.OrdinalIgnoreCase) ||
                cache.Contains(reference))
                continue;
            if (Problem(reference, boundary) is { } problem)
                return "it " + problem;
            if ((reference.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || reference.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase)) &&
                Environment(documents.Get(reference).Tokens) is { } inner)
                return reference == entry ? inner : $"'{Path.GetFileName(reference)}', which it uses: {inner}";
        }
        return null;
    }

    private static string? Problem(string target, ReadBoundary boundary)
    {
        if (!boundary.Contains(target))
            return $"reads '{Path.GetFileName(target)}' from outside the repository, which is not analysed on an untrusted run";
        if (File.Exists(target) && RegularFile.Problem(target) is { } problem)
            return $"reads '{Path.GetFileName(target)}': {problem}";
        return null;
    }
}
