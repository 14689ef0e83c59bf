using InfraLint.Core.Deployments;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// A template deployed several times is analysed once per deployment; its findings are one per place. A finding that
/// holds in only some of the template's deployments names them:
/// <c>…; in deployment 'dev' (.github/workflows/deploy.yml, job deploy-dev)</c>. One that holds in all is worded as before.
/// </summary>
internal static class DeploymentNaming
{
    private static readonly HashSet<string> ToolIds = ToolDiagnostics.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    public static List<Finding> Apply(IReadOnlyList<EntryAnalysis> entries)
    {
        var findings = entries.Where(e => e.File.Deployment is null).SelectMany(e => e.Findings).ToList();
        foreach (var template in entries.Where(e => e.File.Deployment is not null).GroupBy(e => e.File.Path, StringComparer.Ordinal))
        {
            var all = template.Select(e => e.File.Deployment!).DistinctBy(d => d.Name).ToList();
            var places = template
                .SelectMany(e => e.Findings.Select(f => (Finding: f, Deployment: e.File.Deployment!)))
                .GroupBy(x => (x.Finding.Id, x.Finding.Location, Tool: ToolIds.Contains(x.Finding.Id) || x.Finding.Location is null ? x.Finding.Message : null));
            foreach (var place in places)
            {
                var first = place.OrderBy(x => x.Finding.Message, StringComparer.Ordinal).First().Finding;
                var holders = place.Select(x => x.Deployment).DistinctBy(d => d.Name).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
                findings.Add(holders.Count == all.Count || ToolIds.Contains(first.Id) ? first : first with { Message = first.Message + "; " + Naming(holders), Deployments = holders.Select(d => d.Name).ToList() });
            }
        }
        return findings;
    }

    /// <summary><c>in deployment 'dev' (…)</c>, or <c>in deployments 'dev' (…) and 'test' (…)</c>.</summary>
    public static string Naming(IReadOnlyList<DeclaredDeployment> deployments) =>
        deployments.Count == 1
            ? "in deployment " + deployments[0].Label
            : "in deployments " + string.Join(", ", deployments.Take(deployments.Count - 1).Select(d => d.Label)) + " and " + deployments[^1].Label;
}
