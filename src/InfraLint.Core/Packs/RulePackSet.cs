using InfraLint.Core.Config;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Packs;

/// <summary>
/// The rule packs of one run, each loaded once, in the order they are first named. A rule whose id a built-in
/// rule or an earlier pack already has is INFRA0003 (an error) and does not run; the first one keeps the id.
/// </summary>
/// <param name="loadConfiguredCompiledPacks">Whether a compiled pack named by an <c>infralint.json</c> (not by the caller) may load.</param>
/// <param name="boundary">When set, a pack an <c>infralint.json</c> names outside it is not read.</param>
internal sealed class RulePackSet(IEnumerable<string> reservedIds, bool loadConfiguredCompiledPacks = true, ReadBoundary? boundary = null)
{
    private readonly Dictionary<string, string> owners = reservedIds.ToDictionary(id => id, _ => "InfraLint's built-in rules", StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RulePack?> byPath = new(StringComparer.Ordinal);
    private readonly List<RulePack> packs = [];
    private readonly List<Finding> problems = [];

    /// <summary>The packs loaded, in load order, with the rules that run.</summary>
    public IReadOnlyList<RulePack> Packs => packs;

    /// <summary>Every pack file named so far (full paths), loaded or not.</summary>
    public IEnumerable<string> ReferencedPaths => byPath.Keys;

    /// <summary>INFRA0003 findings about pack files.</summary>
    public IReadOnlyList<Finding> Problems => problems;

    /// <summary>The rules of <paramref name="references"/>, loading those not loaded yet.</summary>
    public IReadOnlyList<Rule> RulesOf(IEnumerable<RulePackReference> references)
    {
        var rules = new List<Rule>();
        foreach (var reference in references)
        {
            var path = Path.GetFullPath(reference.Path);
            if (!byPath.TryGetValue(path, out var pack))
                byPath[path] = pack = Load(path, reference);
            if (pack is not null)
                rules.AddRange(pack.Rules.Where(r => !rules.Contains(r)));
        }
        return rules;
    }

    private RulePack? Load(string path, RulePackReference reference)
    {
        var referencedAt = reference.ReferencedAt;
        PackLoadResult loaded;
        var fromConfiguration = referencedAt is not null;
        if (fromConfiguration && boundary is not null && !boundary.Contains(path))
            loaded = PackLoadResult.Failed(ToolDiagnostics.ConfigurationWarning(referencedAt!,
                $"rule pack '{Path.GetFileName(path)}' lies outside the repository and is not loaded"));
        else if (fromConfiguration && !loadConfiguredCompiledPacks && path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            loaded = PackLoadResult.Failed(ToolDiagnostics.ConfigurationWarning(referencedAt!,
                $"compiled rule pack '{Path.GetFileName(path)}' named by infralint.json is not loaded: it would run code from the analysed tree; " +
                "pass --trust-config-packs to load it, or --rule-pack to name it yourself"));
        else if (!File.Exists(path))
            loaded = PackLoadResult.Failed(Error(referencedAt, $"rule pack '{reference.Path}' does not exist"));
        else if (path.EndsWith(JsonRulePackReader.Extension, StringComparison.OrdinalIgnoreCase))
            loaded = JsonRulePackReader.Read(path);
        else if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            loaded = AssemblyRulePackLoader.Load(path);
        else
            loaded = PackLoadResult.Failed(Error(referencedAt ?? SourceLocation.StartOf(path),
                $"'{Path.GetFileName(path)}' is not a rule pack: name a *{JsonRulePackReader.Extension} file or a .dll"));
        problems.AddRange(loaded.Problems);
        if (loaded.Pack is not { } pack)
            return null;
        var kept = new List<Rule>();
        foreach (var rule in pack.Rules)
        {
            var id = rule.Describe.Id;
            if (owners.TryGetValue(id, out var owner))
            {
                var at = loaded.IdLocations?.GetValueOrDefault(id) ?? SourceLocation.StartOf(path);
                problems.Add(Error(at, $"rule id '{id}' of rule pack '{pack.Name}' is already used by {owner}; this rule does not run"));
                continue;
            }
            owners[id] = $"rule pack '{pack.Name}'";
            kept.Add(rule);
        }
        pack = pack with { Rules = kept };
        packs.Add(pack);
        return pack;
    }

    private static Finding Error(SourceLocation? location, string message) =>
        ToolDiagnostics.At(ToolDiagnostics.InvalidConfiguration, location, message);
}
