using InfraLint.Core.Arm;
using InfraLint.Core.Config;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Policy;

/// <summary>
/// With <c>--policy-from</c>, the gate's own configuration comes from the base revision, so a pull request cannot
/// weaken it; this says where the pull request tries to (INFRA0006, at the changed line of the working-tree file):
/// a severity lowered or a rule turned off, a suppression or approval added, a rule pack removed, a baseline entry added.
/// </summary>
internal static class PolicyChanges
{
    private const string EditorConfig = ".editorconfig";
    private const string GlobalConfig = ".globalconfig";

    /// <param name="baseRevision">The revision the policy is read from.</param>
    /// <param name="analysed">The analysed files: the configuration files that govern them are compared.</param>
    /// <param name="configFile">An explicit infralint.json (<c>--config</c>), else the nearest ones above each file.</param>
    /// <param name="baselineFile">The baseline in use, if any.</param>
    /// <param name="defaults">Each known rule's default severity.</param>
    public static List<Finding> Find(PolicyFiles baseRevision, IEnumerable<string> analysed, string? configFile, string? baselineFile,
        IReadOnlyDictionary<string, Severity> defaults)
    {
        var findings = new List<Finding>();
        foreach (var path in Candidates(baseRevision, analysed, configFile))
        {
            var before = baseRevision.Read(path);
            var after = PolicyFiles.WorkingTreeText(path);
            if (string.Equals(before, after, StringComparison.Ordinal))
                continue;
            if (after is null)
            {
                findings.Add(At(null, $"the change deletes {Display(baseRevision, path)}; its settings in {baseRevision.Reference} still apply"));
                continue;
            }
            var name = Path.GetFileName(path);
            if (name is EditorConfig or GlobalConfig)
                CompareEditorConfig(path, before ?? string.Empty, after, defaults, findings);
            else
                CompareConfig(path, before, after, defaults, findings);
        }
        if (baselineFile is not null && File.Exists(baselineFile))
            CompareBaseline(Path.GetFullPath(baselineFile), baseRevision.Read(Path.GetFullPath(baselineFile)), PolicyFiles.WorkingTreeText(baselineFile) ?? string.Empty, findings);
        return findings;
    }

    private static IEnumerable<string> Candidates(PolicyFiles baseRevision, IEnumerable<string> analysed, string? configFile)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        if (configFile is not null)
            candidates.Add(Path.GetFullPath(configFile));
        foreach (var directory in analysed.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            for (var current = directory; current is not null && baseRevision.InRepository(Path.Combine(current, EditorConfig)) is not null;
                 current = Path.GetDirectoryName(current))
            {
                if (configFile is null)
                    candidates.Add(Path.Combine(current, ConfigLoader.FileName));
                candidates.Add(Path.Combine(current, EditorConfig));
                candidates.Add(Path.Combine(current, GlobalConfig));
            }
        }
        return candidates;
    }

    private static void CompareConfig(string path, string? before, string after, IReadOnlyDictionary<string, Severity> defaults, List<Finding> findings)
    {
        JObject now;
        JObject old;
        try
        {
            now = ArmTemplateReader.Parse(after);
            old = before is null ? new JObject() : ArmTemplateReader.Parse(before);
        }
        catch (JsonException)
        {
            return; // an unreadable file is INFRA0003 where it is used; the base's file is what applies here
        }
        var locator = new JsonSourceLocator(path, after);
        var oldRules = Severities(old["rules"] as JObject);
        if (now["rules"] is JObject rules)
        {
            foreach (var rule in rules.Properties())
            {
                if (rule.Value.Type != JTokenType.String || !SeverityNames.TryParse((string)rule.Value!, out var severity))
                    continue;
                var previous = oldRules.TryGetValue(rule.Name, out var p) ? p : Default(defaults, rule.Name);
                if (severity < previous)
                    findings.Add(At(locator.Locate(rule), $"the change lowers the severity of {rule.Name} from {Name(previous)} to {Name(severity)} in infralint.json"));
            }
        }
        var newRules = Severities(now["rules"] as JObject);
        foreach (var (id, severity) in oldRules.Where(r => !newRules.ContainsKey(r.Key) && r.Value > Default(defaults, r.Key)))
            findings.Add(At(locator.Locate((JToken?)now.Property("rules") ?? now), $"the change removes the severity {Name(severity)} of {id} from infralint.json (back to its default, {Name(Default(defaults, id))})"));
        Added(now["suppressions"], old["suppressions"], locator, findings, entry => $"the change adds a suppression of {(string?)entry["id"] ?? "a rule"} to infralint.json");
        Added(now["approvals"], old["approvals"], locator, findings, _ => "the change adds an approval to infralint.json");
        var packs = (now["rulePacks"] as JArray)?.Select(t => t.ToString(Formatting.None)).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var pack in (old["rulePacks"] as JArray ?? new JArray()).Where(t => !packs.Contains(t.ToString(Formatting.None))))
            findings.Add(At(locator.Locate((JToken?)now.Property("rulePacks") ?? now), $"the change removes the rule pack {pack.ToString(Formatting.None)} from infralint.json"));
    }

    // Entries of an array (suppressions, approvals) that the base does not have, each at its own line.
    private static void Added(JToken? now, JToken? old, JsonSourceLocator locator, List<Finding> findings, Func<JToken, string> message)
    {
        if (now is not JArray entries)
            return;
        var before = (old as JArray)?.Select(t => t.ToString(Formatting.None)).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var entry in entries.Where(e => !before.Contains(e.ToString(Formatting.None))))
            findings.Add(At(locator.Locate(entry), message(entry)));
    }

    private static Dictionary<string, Severity> Severities(JObject? rules)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules?.Properties() ?? [])
        {
            if (rule.Value.Type == JTokenType.String && SeverityNames.TryParse((string)rule.Value!, out var severity))
                severities[rule.Name] = severity;
        }
        return severities;
    }

    // dotnet_diagnostic.<ID>.severity per section: a value lower than the base's in the same section (or than the
    // rule's default where the base has none) is reported at its line.
    private static void CompareEditorConfig(string path, string before, string after, IReadOnlyDictionary<string, Severity> defaults, List<Finding> findings)
    {
        var old = EditorConfigEntries(before).ToDictionary(e => (e.Section, e.Id), e => e.Severity);
        var now = EditorConfigEntries(after).ToList();
        var name = Path.GetFileName(path);
        foreach (var entry in now)
        {
            var previous = old.TryGetValue((entry.Section, entry.Id), out var p) ? p : Default(defaults, entry.Id);
            if (entry.Severity < previous)
            {
                findings.Add(At(new SourceLocation(path, entry.Line, entry.Column),
                    $"the change lowers the severity of {entry.Id} from {Name(previous)} to {Name(entry.Severity)} in {name}"));
            }
        }
        var kept = now.Select(e => (e.Section, e.Id)).ToHashSet();
        foreach (var ((section, id), severity) in old.Where(o => !kept.Contains(o.Key) && o.Value > Default(defaults, o.Key.Id)))
            findings.Add(At(SourceLocation.StartOf(path), $"the change removes the severity {Name(severity)} of {id} from {name}{(section.Length > 0 ? " section " + section : string.Empty)}"));
    }

    private static IEnumerable<(string Section, string Id, Severity Severity, int Line, int Column)> EditorConfigEntries(string text)
    {
        var section = string.Empty;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line;
                continue;
            }
            var eq = line.IndexOf('=');
            if (line.StartsWith('#') || line.StartsWith(';') || eq < 0)
                continue;
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            const string Prefix = "dotnet_diagnostic.";
            const string Suffix = ".severity";
            if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || key.Length <= Prefix.Length + Suffix.Length)
                continue;
            if (!SeverityNames.TryParse(value.ToLowerInvariant(), out var severity))
                continue;
            yield return (section, key[Prefix.Length..^Suffix.Length].ToUpperInvariant(), severity, i + 1, lines[i].Length - lines[i].TrimStart().Length + 1);
        }
    }

    // A result the base's baseline does not have hides a finding from the gate: each is reported at its line.
    private static void CompareBaseline(string path, string? before, string after, List<Finding> findings)
    {
        JObject now;
        JObject? old;
        try
        {
            now = ArmTemplateReader.Parse(after);
            old = before is null ? null : ArmTemplateReader.Parse(before);
        }
        catch (JsonException)
        {
            return; // the baseline in use is the base's; a broken one in the change is not read
        }
        var known = (old is null ? Enumerable.Empty<JObject>() : Results(old)).Select(Key).ToHashSet(StringComparer.Ordinal);
        var locator = new JsonSourceLocator(path, after);
        foreach (var result in Results(now).Where(r => !known.Contains(Key(r))))
            findings.Add(At(locator.Locate(result), $"the change adds a baseline entry for {(string?)result["ruleId"] ?? "a rule"}, which hides that finding"));
    }

    private static IEnumerable<JObject> Results(JObject log) =>
        (log["runs"] as JArray ?? new JArray()).OfType<JObject>().SelectMany(run => (run["results"] as JArray ?? new JArray()).OfType<JObject>())
            .Where(r => (string?)r["baselineState"] != "absent");

    private static string Key(JObject result) =>
        (string?)result["ruleId"] + "|" + (result["partialFingerprints"] ?? result["fingerprints"])?.ToString(Formatting.None);

    private static Severity Default(IReadOnlyDictionary<string, Severity> defaults, string id) =>
        defaults.TryGetValue(id, out var severity) ? severity : Severity.Warning;

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Display(PolicyFiles files, string path) => files.InRepository(path) ?? Path.GetFileName(path);

    private static Finding At(SourceLocation? location, string message) => ToolDiagnostics.At(ToolDiagnostics.PolicyWeakened, location, message);
}
