using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Engine;

/// <summary>
/// ARM JSON templates that <c>bicep build</c> wrote from a .bicep file of the analysed set (a "twin", such as
/// main.json beside main.bicep). Most of a twin's findings repeat its source's, with worse names: the twin
/// reports only what the Bicep analysis cannot see (registry and JSON modules, opaque there).
/// </summary>
internal static class GeneratedTemplates
{
    /// <summary>How many other .bicep files of the folder are compiled to find the source of a twin whose name differs.</summary>
    private const int MaxOtherCandidates = 8;

    /// <summary>The <c>metadata._generator.templateHash</c> of a template the Bicep compiler wrote; null for any other template.</summary>
    public static JValue? TemplateHash(JObject root) =>
        root.GetValue("metadata", StringComparison.OrdinalIgnoreCase) is JObject metadata && metadata["_generator"] is JObject generator &&
        string.Equals((string?)generator["name"], "bicep", StringComparison.OrdinalIgnoreCase) &&
        generator["templateHash"] is JValue { Type: JTokenType.String } hash
            ? hash
            : null;

    /// <summary>The .bicep files of <paramref name="inputs"/> that may have been built into <paramref name="jsonPath"/>: the same folder and name first.</summary>
    public static IEnumerable<string> Candidates(string jsonPath, IReadOnlySet<string> inputs)
    {
        var directory = Path.GetDirectoryName(jsonPath)!;
        var sameName = Path.Combine(directory, Path.GetFileNameWithoutExtension(jsonPath) + ".bicep");
        if (inputs.Contains(sameName))
            return [sameName];
        return inputs
            .Where(p => p.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) && string.Equals(Path.GetDirectoryName(p), directory, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(MaxOtherCandidates);
    }

    /// <summary>
    /// True when <paramref name="twin"/> is what compiling the source gives now: the same templateHash, or the same
    /// template apart from the generator's metadata (a twin built by another compiler version hashes differently).
    /// </summary>
    public static bool IsBuiltFrom(JObject twin, JObject compiled)
    {
        if (TemplateHash(twin) is { } hash && TemplateHash(compiled) is { } current && string.Equals((string?)hash, (string?)current, StringComparison.Ordinal))
            return true;
        return JToken.DeepEquals(WithoutGenerator(twin), WithoutGenerator(compiled));
    }

    private static JToken WithoutGenerator(JObject template)
    {
        var copy = (JObject)template.DeepClone();
        foreach (var generator in copy.Descendants().OfType<JProperty>().Where(p => p.Name == "_generator" && p.Parent?.Parent is JProperty { Name: "metadata" }).ToList())
            generator.Remove();
        return copy;
    }
}
