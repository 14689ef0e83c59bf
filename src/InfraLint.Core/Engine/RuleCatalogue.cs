using InfraLint.Core.Inputs;
using InfraLint.Core.Packs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Every rule one run knows, assembled once when its packs are loaded: the engine's rules and InfraLint's own
/// diagnostics (the tool's rules, SARIF's driver), then the rules of each loaded pack (SARIF's extensions). Severities,
/// suppressions, the policy check, the result cache and every report read it; the first descriptor of an id wins.
/// </summary>
public sealed class RuleCatalogue
{
    private readonly Dictionary<string, RuleDescriptor> byId = new(StringComparer.OrdinalIgnoreCase);

    internal RuleCatalogue(IEnumerable<Rule> rules, IReadOnlyList<RulePack> packs)
    {
        Tool = rules.Select(r => r.Describe).Concat(ToolDiagnostics.All).DistinctBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToList();
        Packs = packs;
        foreach (var descriptor in Tool.Concat(packs.SelectMany(p => p.Descriptors)))
            byId.TryAdd(descriptor.Id, descriptor);
        Ids = byId.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The engine's rules, then InfraLint's own diagnostics.</summary>
    public IReadOnlyList<RuleDescriptor> Tool { get; }

    /// <summary>The rule packs that were loaded, with the rules that ran.</summary>
    public IReadOnlyList<RulePack> Packs { get; }

    /// <summary>Every known id (case-insensitive), for configuration that names rules.</summary>
    public IReadOnlySet<string> Ids { get; }

    /// <summary>The descriptor of <paramref name="id"/>, or null for an id no rule of the run has.</summary>
    public RuleDescriptor? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Each id's default severity, for the policy check (a severity lowered below it is a weakening).</summary>
    public IReadOnlyDictionary<string, Severity> DefaultSeverities =>
        byId.ToDictionary(p => p.Key, p => p.Value.DefaultSeverity, StringComparer.OrdinalIgnoreCase);
}
