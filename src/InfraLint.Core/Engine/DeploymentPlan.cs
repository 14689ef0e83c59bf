using InfraLint.Core.Deployments;

namespace InfraLint.Core.Engine;

/// <summary>
/// Turns the input files into what is analysed when the repository declares deployments: a template a pipeline, azd
/// or infralint.json deploys becomes one entry per deployment; a parameters file one of them uses is not an entry of
/// its own (one deployment per declaration). Parameters files no other declaration uses stay as they are.
/// </summary>
internal static class DeploymentPlan
{
    public static List<InputFile> Expand(IEnumerable<InputFile> files, IReadOnlyList<DeclaredDeployment> deployments)
    {
        var list = files.ToList();
        var declared = deployments.Where(d => d.Evidence.Kind != ParametersFileSource.Kind).ToList();
        if (declared.Count == 0)
            return list.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var byTemplate = declared.ToLookup(d => d.Template, StringComparer.Ordinal);
        var usedParameters = declared.Select(d => d.Parameters).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var planned = new List<InputFile>();
        foreach (var file in list)
        {
            if (file.Deployment is not null)
                planned.Add(file);
            else if (byTemplate[file.Path].Any())
                planned.AddRange(byTemplate[file.Path].Select(d => file with { Deployment = d }));
            else if (!usedParameters.Contains(file.Path))
                planned.Add(file);
        }
        return planned.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
    }
}
