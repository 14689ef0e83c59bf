using System.Globalization;
using System.Text.RegularExpressions;
using InfraLint.Reporting.Output;
using ShardCoverage = InfraLint.Reporting.Reports.ShardCoverage;
using InfraLint.Reporting.Writers;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Reporting.Shards;

/// <summary>
/// <c>infralint merge</c>: puts the reports of every shard of one run (<c>--shard K/N</c>, all in one format) back into the
/// report one unsharded run writes, byte for byte. Findings are a set ordered as the run orders them; a finding every shard
/// reports (a broken infralint.json, a rule pack problem) is reported once; an INFRA0004 "suppresses nothing" on a central
/// suppression stays only when every shard that read its infralint.json found it unused; summary counts are recounted.
/// Reports of another run, a shard given twice or one missing are refused.
/// </summary>
public static partial class ShardMerge
{
    private const string UnusedCentralSuppression = " suppresses nothing; remove it";

    /// <summary>The merged report, or the reason the reports cannot be merged.</summary>
    /// <param name="reports">Each report's name (for messages) and text.</param>
    /// <param name="format">text, github, json or sarif: the format every report is in, and the merged one's.</param>
    public static (string? Merged, string? Problem) Merge(IReadOnlyList<(string Name, string Text)> reports, string format)
    {
        try
        {
            var shards = format switch
            {
                "text" or "github" => reports.Select(r => LineShard.Parse(r.Name, r.Text, format)).ToList<Shard>(),
                "json" => reports.Select(r => (Shard)JsonShard.Parse(r.Name, r.Text)).ToList(),
                "sarif" => reports.Select(r => (Shard)SarifShard.Parse(r.Name, r.Text)).ToList(),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
            };
            if (Complete(shards) is { } problem)
                return (null, problem);
            return (format switch
            {
                "text" or "github" => LineShard.Merge(shards.Cast<LineShard>().ToList()),
                "json" => JsonShard.Merge(shards.Cast<JsonShard>().ToList()),
                _ => SarifShard.Merge(shards.Cast<SarifShard>().ToList()),
            }, null);
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }
    }

    // Every shard of one run, each once.
    private static string? Complete(List<Shard> shards)
    {
        if (shards.Count == 0)
            return "no reports to merge";
        var first = shards[0];
        foreach (var shard in shards.Skip(1))
        {
            if (shard.Count != first.Count || shard.Inputs != first.Inputs)
                return $"'{OutputText.Line(shard.Name)}' is a shard of another run than '{OutputText.Line(first.Name)}' (other shard count or inputs)";
        }
        foreach (var twice in shards.GroupBy(s => s.Index).Where(g => g.Count() > 1))
            return $"shard {twice.Key}/{first.Count} is given twice: {string.Join(", ", twice.Select(s => $"'{OutputText.Line(s.Name)}'"))}";
        var missing = Enumerable.Range(1, first.Count).Except(shards.Select(s => s.Index)).ToList();
        return missing.Count == 0 ? null : $"shard(s) {string.Join(", ", missing.Select(m => $"{m}/{first.Count}"))} missing";
    }

    private abstract class Shard(string name, int index, int count, string inputs, IReadOnlyList<string> configurations)
    {
        public string Name => name;
        public int Index => index;
        public int Count => count;
        public string Inputs => inputs;

        /// <summary>How the infralint.json files this shard read appear where a finding about them is located.</summary>
        public IReadOnlyList<string> Configurations => configurations;

        protected static InvalidDataException NotAShard(string name, string why) => new($"'{OutputText.Line(name)}' is not a shard report: {why}");
    }

    /// <summary>Keeps the findings of all shards once each, except an unused-central-suppression finding that a shard which read
    /// the same infralint.json did not report (a finding there used it).</summary>
    private static List<T> Union<T, TShard>(List<TShard> shards, Func<TShard, IEnumerable<T>> findings, Func<T, string> key,
        Func<T, string?> unusedSuppressionIn)
        where TShard : Shard
    {
        var reportedBy = new Dictionary<string, (T Finding, HashSet<int> Shards)>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            foreach (var finding in findings(shard))
            {
                var k = key(finding);
                if (!reportedBy.TryGetValue(k, out var known))
                    reportedBy[k] = known = (finding, []);
                known.Shards.Add(shard.Index);
            }
        }
        return reportedBy.Values
            .Where(r => unusedSuppressionIn(r.Finding) is not { } configuration ||
                shards.Where(s => s.Configurations.Contains(configuration, StringComparer.Ordinal)).All(s => r.Shards.Contains(s.Index)))
            .Select(r => r.Finding)
            .ToList();
    }

    private static bool IsUnusedSuppression(string? id, string? message) =>
        id == "INFRA0004" && message is not null && message.EndsWith(UnusedCentralSuppression, StringComparison.Ordinal);

    private sealed partial class LineShard(string name, int index, int count, string inputs, IReadOnlyList<string> configurations, List<string> lines, string format)
        : Shard(name, index, count, inputs, configurations)
    {
        public List<string> Lines => lines;

        public string Format => format;

        public static LineShard Parse(string name, string text, string format)
        {
            var lines = text.Split('\n').ToList();
            if (lines.Count > 0 && lines[^1].Length == 0)
                lines.RemoveAt(lines.Count - 1);
            if (lines.Count < 2 || Header().Match(lines[0]) is not { Success: true } header)
                throw NotAShard(name, "its first line is no '# infralint shard K/N: …' header");
            var (index, count) = (Number(header, "index"), Number(header, "count"));
            var configurationLines = Number(header, "configurations");
            if (Footer().Match(lines[^1]) is not { Success: true } footer || Number(footer, "index") != index || Number(footer, "count") != count ||
                Number(footer, "findings") != lines.Count - 2 - configurationLines || configurationLines > lines.Count - 2)
                throw NotAShard(name, "it does not end with its '# infralint shard K/N end: F findings' footer (a truncated or edited report)");
            var configurations = lines.Skip(1).Take(configurationLines).ToList();
            if (configurations.Any(c => !c.StartsWith(ShardLines.ConfigurationPrefix, StringComparison.Ordinal)))
                throw NotAShard(name, "a configuration line is missing after its header");
            return new LineShard(name, index, count, header.Groups["inputs"].Value,
                configurations.Select(c => c[ShardLines.ConfigurationPrefix.Length..]).ToList(), lines.GetRange(1 + configurationLines, lines.Count - 2 - configurationLines), format);
        }

        public static string Merge(List<LineShard> shards)
        {
            var github = shards[0].Format == "github";
            var merged = Union(shards, s => s.Lines, l => l, l => UnusedIn(l, github, shards));
            return string.Concat(merged.Select(l => (Key: SortKey(l, github), Line: l))
                .OrderBy(l => l.Key.Path, StringComparer.Ordinal)
                .ThenBy(l => l.Key.Line)
                .ThenBy(l => l.Key.Column)
                .ThenBy(l => l.Key.Id, StringComparer.Ordinal)
                .ThenBy(l => l.Key.Message, StringComparer.Ordinal)
                .Select(l => l.Line + "\n"));
        }

        // The configuration a line's finding is located in (as the shards wrote it), when the finding is an unused central suppression.
        private static string? UnusedIn(string line, bool github, List<LineShard> shards)
        {
            var key = SortKey(line, github);
            if (!IsUnusedSuppression(key.Id, key.Message))
                return null;
            var located = github ? line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..] : line;
            return shards.SelectMany(s => s.Configurations).FirstOrDefault(c => located.StartsWith(c, StringComparison.Ordinal));
        }

        private static (string Path, int Line, int Column, string Id, string Message) SortKey(string line, bool github)
        {
            var match = github ? GitHubLine().Match(line) : TextLine().Match(line);
            if (!match.Success)
                return (string.Empty, 0, 0, string.Empty, line);
            return (match.Groups["path"].Value, Number(match, "line"), Number(match, "col"), match.Groups["id"].Value, match.Groups["message"].Value);
        }

        private static int Number(Match match, string group) =>
            match.Groups[group].Success && int.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

        [GeneratedRegex(@"^# infralint shard (?<index>\d{1,9})/(?<count>\d{1,9}): \d{1,9} of \d{1,9} input files, (?<configurations>\d{1,9}) configuration files, inputs sha256:(?<inputs>[0-9a-f]{64})$")]
        private static partial Regex Header();

        [GeneratedRegex(@"^# infralint shard (?<index>\d{1,9})/(?<count>\d{1,9}) end: (?<findings>\d{1,9}) findings$")]
        private static partial Regex Footer();

        [GeneratedRegex(@"^(?:(?<path>.*?)\((?<line>\d{1,9}),(?<col>\d{1,9})\)|infralint): (?:error|warning|info) (?<id>[^ :]+): (?<message>.*)$")]
        private static partial Regex TextLine();

        [GeneratedRegex(@"^::(?:error|warning|notice) (?:file=(?<path>[^,]*),line=(?<line>\d{1,9}),col=(?<col>\d{1,9}),)?title=(?<id>[^:]*)::(?<message>.*)$")]
        private static partial Regex GitHubLine();
    }

    private sealed class JsonShard(string name, int index, int count, string inputs, IReadOnlyList<string> configurations, JObject report)
        : Shard(name, index, count, inputs, configurations)
    {
        public JObject Report => report;

        public static JsonShard Parse(string name, string text)
        {
            var report = ParseJson(name, text);
            if (report["shard"] is not JObject shard || report["findings"] is not JArray || report["summary"] is not JObject)
                throw NotAShard(name, "it has no 'shard' object");
            return new JsonShard(name, Int(shard["index"]), Int(shard["count"]), (string?)shard["inputs"] ?? string.Empty,
                (shard["configurationFiles"] as JArray ?? []).Select(c => (string?)c).OfType<string>().ToList(), report);
        }

        public static string Merge(List<JsonShard> shards)
        {
            var findings = Union(shards, s => ((JArray)s.Report["findings"]!).OfType<JObject>(), f => f.ToString(Formatting.None),
                    f => IsUnusedSuppression((string?)f["ruleId"], (string?)f["message"]) && (string?)f["file"] is { } file ? file : null)
                .OrderBy(f => (string?)f["file"] ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(f => (int?)f["line"] ?? 0)
                .ThenBy(f => (int?)f["column"] ?? 0)
                .ThenBy(f => (string?)f["ruleId"], StringComparer.Ordinal)
                .ThenBy(f => (string?)f["message"], StringComparer.Ordinal)
                .ToList();
            int Level(string level) => findings.Count(f => (string?)f["level"] == level);
            var merged = new JObject
            {
                ["schemaVersion"] = shards[0].Report["schemaVersion"],
                ["summary"] = new JObject
                {
                    ["filesAnalyzed"] = shards.Sum(s => Int(s.Report["summary"]!["filesAnalyzed"])),
                    ["errors"] = Level("error"),
                    ["warnings"] = Level("warning"),
                    ["notes"] = Level("note"),
                    ["baselined"] = shards.Sum(s => Int(s.Report["summary"]!["baselined"])),
                },
                ["findings"] = new JArray(findings),
            };
            using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture, CloseOutput = false })
                merged.WriteTo(json);
            text.Write('\n');
            return OutputText.JsonDocument(text.ToString());
        }

        private static int Int(JToken? token) => token is JValue { Type: JTokenType.Integer } value ? (int)(long)value.Value! : 0;
    }

    private sealed class SarifShard(string name, int index, int count, string inputs, IReadOnlyList<string> configurations, SarifLog log)
        : Shard(name, index, count, inputs, configurations)
    {
        public Run Run => log.Runs[0];

        public static SarifShard Parse(string name, string text)
        {
            SarifLog log;
            try
            {
                log = SarifJson.Deserialize(text);
            }
            catch (JsonException e)
            {
                throw NotAShard(name, "it is not SARIF (" + OutputText.Line(e.Message) + ")");
            }
            if (log.Runs is not [var run] || run.PropertyNames?.Contains(ShardCoverage.SarifProperty) != true)
                throw NotAShard(name, $"its run has no '{ShardCoverage.SarifProperty}' property");
            var shard = run.GetProperty<JObject>(ShardCoverage.SarifProperty);
            return new SarifShard(name, (int?)shard["index"] ?? 0, (int?)shard["count"] ?? 0, (string?)shard["inputs"] ?? string.Empty,
                (shard["configurationFiles"] as JArray ?? []).Select(c => (string?)c).OfType<string>().ToList(), log);
        }

        public static string Merge(List<SarifShard> shards)
        {
            var runs = shards.Select(s => s.Run).ToList();
            var rules = runs.SelectMany(r => r.Tool.Driver.Rules ?? []).DistinctBy(r => r.Id, StringComparer.Ordinal).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            var ruleIndex = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(r => r.Id, r => r.i, StringComparer.Ordinal);
            var extensions = runs.SelectMany(r => r.Tool.Extensions ?? []).DistinctBy(e => (e.Name, e.Version))
                .OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Version, StringComparer.Ordinal).ToList();
            var packRules = extensions.SelectMany((e, extension) => (e.Rules ?? []).Select((rule, i) => (rule.Id, Extension: extension, Index: i)))
                .DistinctBy(r => r.Id, StringComparer.Ordinal).ToDictionary(r => r.Id, r => (r.Extension, r.Index), StringComparer.Ordinal);
            foreach (var result in runs.SelectMany(r => r.Results ?? []))
            {
                if (result.RuleId is { } id && packRules.TryGetValue(id, out var pack) && result.Rule?.ToolComponent is not null)
                {
                    result.RuleIndex = pack.Index;
                    result.Rule.Index = pack.Index;
                    result.Rule.ToolComponent.Index = pack.Extension;
                }
                else if (result.RuleId is { } driverId && result.RuleIndex >= 0)
                {
                    result.RuleIndex = ruleIndex.TryGetValue(driverId, out var index) ? index : -1;
                }
            }
            string Key(Result r) => JsonConvert.SerializeObject(r);
            var results = Union(shards, s => (s.Run.Results ?? []).Where(r => r.BaselineState != BaselineState.Absent), Key,
                    r => IsUnusedSuppression(r.RuleId, r.Message?.Text) && Uri(r) is { Length: > 0 } uri ? uri : null)
                .OrderBy(Uri, StringComparer.Ordinal)
                .ThenBy(r => r.Locations?.FirstOrDefault()?.PhysicalLocation?.Region?.StartLine ?? 0)
                .ThenBy(r => r.Locations?.FirstOrDefault()?.PhysicalLocation?.Region?.StartColumn ?? 0)
                .ThenBy(r => r.RuleId, StringComparer.Ordinal)
                .ThenBy(r => r.Message?.Text, StringComparer.Ordinal)
                .ToList();
            // A baseline result no finding matched: absent from the run only when no shard matched it.
            var absent = runs.Select(r => (r.Results ?? []).Where(x => x.BaselineState == BaselineState.Absent).Select(Key).ToHashSet(StringComparer.Ordinal)).ToList();
            results.AddRange((runs[0].Results ?? []).Where(r => r.BaselineState == BaselineState.Absent && absent.All(a => a.Contains(Key(r)))));

            var run = runs[0];
            run.Tool.Driver.Rules = rules;
            run.Tool.Extensions = extensions.Count == 0 ? null : extensions;
            run.Results = results;
            run.RemoveProperty(ShardCoverage.SarifProperty);
            return SarifJson.Serialize(new SarifLog { Runs = [run] });
        }

        private static string Uri(Result result) => result.Locations?.FirstOrDefault()?.PhysicalLocation?.ArtifactLocation?.Uri?.OriginalString ?? string.Empty;
    }

    private static JObject ParseJson(string name, string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            return JObject.Load(reader);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{OutputText.Line(name)}' is not a JSON report ({OutputText.Line(e.Message)})");
        }
    }
}
