namespace InfraLint.Core.Deployments;

/// <summary>
/// The job (or azd environment, or infralint.json entry) that declares deployments: its name, the environment
/// it names, and how to tell it apart from another of the same name.
/// </summary>
/// <param name="File">Full path of the declaring file.</param>
/// <param name="Kind">The evidence kind (<c>github-actions</c>, <c>azure-pipelines</c>, <c>azd</c>, <c>infralint.json</c>).</param>
/// <param name="Detail">How messages name the job within the file (<c>job deploy-dev</c>), or null.</param>
/// <param name="EnvironmentName">The environment the job deploys to (<c>environment: prod</c>), if any.</param>
/// <param name="Qualifiers">Prefixes that tell two jobs of the same name apart, most specific first (stage, workflow file).</param>
internal sealed record DeploymentSite(string Name, string File, string Kind, string? Detail, string? EnvironmentName, IReadOnlyList<string> Qualifiers);
