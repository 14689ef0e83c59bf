using InfraLint.Core.Config;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Applies what users say about findings, in this order: suppressions (inline and ARM metadata, attached
/// when each entry's models were built; then infralint.json) → severity from .editorconfig/.globalconfig → infralint.json "rules" → the rule's
/// default. Suppressed findings are kept, marked. Suppressions without a reason, expired ones and
/// ones that suppress nothing become INFRA0004.
/// </summary>
internal sealed class FindingPolicy(ConfigLoader configs, IReadOnlySet<string> knownIds, DateOnly today, IReadOnlyList<string>? analyzerConfigFiles)
{
    private readonly EditorConfigSeverities editorConfig = new(analyzerConfigFiles, configs.Files);

    /// <param name="findings">The findings of the run, with the suppressions written in their templates already attached.</param>
    /// <param name="declared">The suppressions written in the templates of every entry, with what each suppressed there.</param>
    public IEnumerable<Finding> Apply(IReadOnlyList<Finding> findings, IEnumerable<SourceSuppression> declared)
    {
        var usedCentral = new HashSet<CentralSuppression>();
        var result = new List<Finding>();
        foreach (var finding in findings)
        {
            var path = finding.Location?.FilePath;
            var config = path is null ? InfraLintConfig.Empty : configs.For(path);
            var suppression = finding.Suppression ?? FromConfig(finding, config, usedCentral);
            var severity = (path is null ? null : editorConfig.For(finding.Descriptor, path))
                ?? (config.RuleSeverities.TryGetValue(finding.Id, out var configured) ? configured : finding.Severity);
            // A rule that reports below its default (a reminder) keeps it there: configuration may lower it, not raise it.
            if (finding.Severity < finding.Descriptor.DefaultSeverity && severity > finding.Severity)
                severity = finding.Severity;
            result.Add(finding with { Severity = severity, Suppression = suppression });
        }

        var all = declared.ToList();
        // A pragma is one place, whichever entries read its file: what any of them suppressed counts.
        foreach (var pragma in all.Where(s => s.IsPragma).GroupBy(s => s.Declared))
        {
            var ids = pragma.First().Ids.Where(knownIds.Contains).ToList();
            if (ids.Count == 0)
                continue; // only Bicep linter codes: the compiler's business
            var used = pragma.SelectMany(s => s.Used).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (pragma.First().Justification is null)
                result.Add(Useless(pragma.Key, $"the suppression of {string.Join(", ", ids)} gives no reason; add one after '//' (#disable-next-line) or ':' (infralint-disable-next-line)"));
            foreach (var id in ids.Where(id => !used.Contains(id)))
                result.Add(Useless(pragma.Key, $"the suppression of {id} suppresses nothing on the next line; remove it"));
        }
        foreach (var entry in all.Where(s => !s.IsPragma))
        {
            var id = entry.Ids[0];
            if (entry.Justification is null)
                result.Add(Useless(entry.Declared, $"the suppression of {id} in metadata.infralint.suppress gives no 'justification'"));
            if (entry.Used.Count == 0)
                result.Add(Useless(entry.Declared, $"the suppression of {id} in metadata.infralint.suppress suppresses nothing; remove it"));
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

    private static Finding Useless(SourceLocation location, string message) =>
        ToolDiagnostics.At(ToolDiagnostics.UselessSuppression, location, message);

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
