using InfraLint.Core.Arm;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Deployments, not files: a Bicep file that an analysed entry deploys as a local module is analysed through that entry,
/// with the values it passes. Its analysis on its own defaults, which no deployment of the run sees, adds nothing then:
/// a branch every caller switches off stays off. A file nothing analysed deploys (a module library, an entry template, a
/// template a pipeline deploys) keeps its own analysis. What the file's own analysis says about InfraLint itself (a compile
/// error, an opaque dependency) and the places it exempts stay, and so do its suppressions, so a pragma that suppressed a
/// finding only there is not reported as useless.
/// </summary>
internal static class ModuleCallers
{
    private static readonly HashSet<string> ToolIds = ToolDiagnostics.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The local module files, as full paths in ordinal order, that the models of the entry at
    /// <paramref name="entryPath"/> analysed through it (registry modules are reported in the caller, not here);
    /// <paramref name="switchedOff"/> are the ones it deploys only under a condition known to be false: deployed through it
    /// all the same, so not analysed on their own.</summary>
    public static IReadOnlyList<string> DeployedBy(string entryPath, IReadOnlyList<TemplateModel> models, IReadOnlyList<string> switchedOff)
    {
        var entry = Path.GetFullPath(entryPath);
        return models.OfType<CompiledTemplate>()
            .Where(m => m.Parent is not null && m.RegistryModule is null)
            .Select(m => Path.GetFullPath(m.FilePath))
            .Concat(switchedOff)
            .Where(f => !string.Equals(f, entry, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<EntryAnalysis> Apply(IReadOnlyList<EntryAnalysis> entries)
    {
        var deployed = entries.SelectMany(e => e.Deploys).ToHashSet(StringComparer.Ordinal);
        if (deployed.Count == 0)
            return entries;
        return entries
            .Select(e => e.File.Deployment is null && deployed.Contains(Path.GetFullPath(e.File.Path))
                ? e with { Findings = e.Findings.Where(f => f.Exempts || ToolIds.Contains(f.Id)).ToList() }
                : e)
            .ToList();
    }
}
