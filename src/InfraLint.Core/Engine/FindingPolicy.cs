using InfraLint.Core.Config;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Engine;

/// <summary>
/// Applies what users say about findings, in this order: suppressions (inline, ARM metadata,
/// infralint.json) → severity from .editorconfig/.globalconfig → infralint.json "rules" → the rule's
/// default. Suppressed findings are kept, marked. Suppressions without a reason, expired ones and
/// ones that suppress nothing become INFRA0004.
/// </summary>
internal sealed class FindingPolicy(ConfigLoader configs, IReadOnlySet<string> knownIds, DateOnly today, IReadOnlyList<string>? analyzerConfigFiles)
{
    private readonly EditorConfigSeverities editorConfig = new(analyzerConfigFiles, configs.Files);
    private readonly InlineSuppressions inline = new(knownIds);

    /// <param name="findings">The findings of the run.</param>
    /// <param name="analyzedFiles">Every file a model was built for (entry files and their modules).</param>
    /// <param name="suppressingResources">ARM resources that carry <c>metadata.infralint.suppress</c>.</param>
    public IEnumerable<Finding> Apply(IReadOnlyList<Finding> findings, IEnumerable<string> analyzedFiles, IEnumerable<ResourceModel> suppressingResources)
    {
        var usedCentral = new HashSet<CentralSuppression>();
        var usedMetadata = new HashSet<JToken>(ReferenceEqualityComparer.Instance);
        var result = new List<Finding>();
        foreach (var finding in findings)
        {
            var path = finding.Location?.FilePath;
            var config = path is null ? InfraLintConfig.Empty : configs.For(path);
            var suppression = inline.For(finding) ?? FromMetadata(finding, usedMetadata) ?? FromConfig(finding, config, usedCentral);
            var severity = (path is null ? null : editorConfig.For(finding.Descriptor, path))
                ?? (config.RuleSeverities.TryGetValue(finding.Id, out var configured) ? configured : finding.Severity);
            // A rule that reports below its default (a reminder) keeps it there: configuration may lower it, not raise it.
            if (finding.Severity < finding.Descriptor.DefaultSeverity && severity > finding.Severity)
                severity = finding.Severity;
            result.Add(finding with { Severity = severity, Suppression = suppression });
        }

        foreach (var directive in inline.All(analyzedFiles))
        {
            var at = new SourceLocation(directive.File, directive.Line, directive.Column);
            if (directive.Justification is null)
                result.Add(Useless(at, $"the suppression of {string.Join(", ", directive.Ids)} gives no reason; add one after '//' (#disable-next-line) or ':' (infralint-disable-next-line)"));
            foreach (var id in directive.Ids.Where(id => !directive.Used.Contains(id)))
                result.Add(Useless(at, $"the suppression of {id} suppresses nothing on the next line; remove it"));
        }
        foreach (var resource in suppressingResources)
        {
            if (MetadataSuppressions(resource) is not { } entries)
                continue;
            foreach (var entry in entries.OfType<JObject>())
            {
                var id = (string?)entry["id"] ?? "(no id)";
                if ((string?)entry["justification"] is not { Length: > 0 })
                    result.Add(Useless(resource.Declaration, $"the suppression of {id} in metadata.infralint.suppress gives no 'justification'"));
                if (!usedMetadata.Contains(entry))
                    result.Add(Useless(resource.Declaration, $"the suppression of {id} in metadata.infralint.suppress suppresses nothing; remove it"));
            }
        }
        foreach (var config in configs.Loaded)
        {
            result.AddRange(config.Diagnostics);
            foreach (var entry in config.Suppressions)
            {
                if (entry.Justification is null)
                    result.Add(Useless(entry.Location, $"the suppression of {entry.Id} gives no 'justification'"));
                if (entry.Expires is { } expires && expires < today)
                    result.Add(Useless(entry.Location, $"the suppression of {entry.Id} expired on {expires:yyyy-MM-dd} and no longer applies"));
                else if (!usedCentral.Contains(entry))
                    result.Add(Useless(entry.Location, $"the suppression of {entry.Id} suppresses nothing; remove it"));
            }
        }
        return result;
    }

    public static JArray? MetadataSuppressions(ResourceModel resource) =>
        resource.Body["metadata"]?["infralint"]?["suppress"] as JArray;

    private static Finding Useless(SourceLocation location, string message) =>
        ToolDiagnostics.At(ToolDiagnostics.UselessSuppression, location, message);

    // ARM JSON: "metadata": { "infralint": { "suppress": [ { "id": "INFRA1001", "justification": "…" } ] } } on the resource.
    private static Suppression? FromMetadata(Finding finding, HashSet<JToken> used)
    {
        if (finding.Resource is null || MetadataSuppressions(finding.Resource) is not { } entries)
            return null;
        var entry = entries.OfType<JObject>().FirstOrDefault(e => string.Equals((string?)e["id"], finding.Id, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
            return null;
        used.Add(entry);
        return new Suppression(SuppressionKind.InSource, (string?)entry["justification"] is { Length: > 0 } why ? why : null);
    }

    private Suppression? FromConfig(Finding finding, InfraLintConfig config, HashSet<CentralSuppression> used)
    {
        if (config.Path is null || finding.Location is null)
            return null;
        var relative = Path.GetRelativePath(Path.GetDirectoryName(config.Path)!, finding.Location.FilePath).Replace('\\', '/');
        foreach (var entry in config.Suppressions)
        {
            if (!string.Equals(entry.Id, finding.Id, StringComparison.OrdinalIgnoreCase) || (entry.Expires is { } expires && expires < today))
                continue;
            if (entry.Files is not null && !InputRegex.IsMatch(entry.Files, relative)) // a glob that runs out of time suppresses nothing
                continue;
            if (entry.Resource is not null && !string.Equals(entry.Resource, finding.Resource?.SymbolicName, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(entry.Resource, finding.Resource?.EvaluatedName, StringComparison.OrdinalIgnoreCase))
                continue;
            used.Add(entry);
            return new Suppression(SuppressionKind.External, entry.Justification);
        }
        return null;
    }
}
