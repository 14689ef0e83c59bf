using InfraLint.Core.Bicep;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Engine;

/// <summary>
/// Suppressions written in the templates, attached to an entry's findings when its models are built: in Bicep the
/// compiler's own directive <c>#disable-next-line INFRA1001 // reason</c> and <c>// infralint-disable-next-line INFRA1001: reason</c>
/// on the line before a finding (from the file's one parsed <see cref="BicepSource"/>), in ARM JSON
/// <c>"metadata": { "infralint": { "suppress": [ { "id": "INFRA1001", "justification": "…" } ] } }</c> on the resource.
/// Bicep linter codes in the same directive are left to the compiler.
/// </summary>
internal static class InlineSuppressions
{
    /// <summary>The findings with their in-source suppression, and the suppressions the entry declares with what they suppressed.</summary>
    /// <param name="findings">The entry's findings, not yet suppressed.</param>
    /// <param name="models">The entry's models: the Bicep files they were built from and their ARM resources declare suppressions.</param>
    /// <param name="documents">The run's Bicep files.</param>
    public static (List<Finding> Findings, List<SourceSuppression> Declared) Attach(IReadOnlyList<Finding> findings,
        IReadOnlyList<TemplateModel> models, BicepDocuments documents)
    {
        var usedPragmas = new HashSet<(string File, int Line, string Id)>();
        var usedMetadata = new HashSet<JObject>(ReferenceEqualityComparer.Instance);
        var attached = findings.Select(f => f.Suppression is not null ? f : f with
        {
            Suppression = FromPragma(f, documents, usedPragmas) ?? FromMetadata(f, usedMetadata),
        }).ToList();

        var declared = new List<SourceSuppression>();
        foreach (var file in models.Select(m => m.FilePath).Where(IsBicep).Distinct(StringComparer.Ordinal))
        {
            foreach (var pragma in documents.Find(file)?.Pragmas ?? [])
            {
                var used = pragma.Ids.Where(id => usedPragmas.Contains((file, pragma.Line, id.ToUpperInvariant()))).ToList();
                declared.Add(new SourceSuppression(new SourceLocation(file, pragma.Line, pragma.Column), pragma.Ids, pragma.Justification, IsPragma: true, used));
            }
        }
        // Only ARM JSON declares suppressions this way; a compiled Bicep resource's metadata still suppresses, unreported.
        foreach (var resource in models.Where(m => m.Language == SourceLanguage.ArmJson).SelectMany(m => m.Resources))
        {
            foreach (var entry in Entries(resource))
            {
                var id = Text(entry["id"]) ?? "(no id)";
                declared.Add(new SourceSuppression(resource.Declaration, [id], Justification(entry), IsPragma: false, usedMetadata.Contains(entry) ? [id] : []));
            }
        }
        return (attached, declared);
    }

    private static bool IsBicep(string path) => path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase);

    private static Suppression? FromPragma(Finding finding, BicepDocuments documents, HashSet<(string, int, string)> used)
    {
        if (finding.Location is not { Line: > 1 } location || !IsBicep(location.FilePath))
            return null;
        var pragma = documents.Find(location.FilePath)?.Pragmas
            .FirstOrDefault(p => p.Line == location.Line - 1 && p.Ids.Contains(finding.Id, StringComparer.OrdinalIgnoreCase));
        if (pragma is null)
            return null;
        used.Add((location.FilePath, pragma.Line, finding.Id.ToUpperInvariant()));
        return new Suppression(SuppressionKind.InSource, pragma.Justification);
    }

    private static Suppression? FromMetadata(Finding finding, HashSet<JObject> used)
    {
        if (finding.Resource is null)
            return null;
        var entry = Entries(finding.Resource).FirstOrDefault(e => string.Equals(Text(e["id"]), finding.Id, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
            return null;
        used.Add(entry);
        return new Suppression(SuppressionKind.InSource, Justification(entry));
    }

    private static IEnumerable<JObject> Entries(ResourceModel resource) =>
        ((resource.Body["metadata"] as JObject)?["infralint"] as JObject)?["suppress"] is JArray entries ? entries.OfType<JObject>() : [];

    private static string? Justification(JObject entry) => Text(entry["justification"]) is { Length: > 0 } why ? why : null;

    // A value written where a string belongs (a number) reads as its text; an object or array as nothing.
    private static string? Text(JToken? token) => token is JValue value ? (string?)value : null;
}
