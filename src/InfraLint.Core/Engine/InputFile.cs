using InfraLint.Core.Deployments;

namespace InfraLint.Core.Engine;

/// <summary>A file to analyse. <paramref name="Explicit"/> files were named by the user: a JSON file
/// that is not a template is reported instead of skipped.</summary>
public sealed record InputFile(string Path, bool Explicit = false)
{
    /// <summary>For a template a repository deploys: the deployment to analyse it as (its values, environment and scope).</summary>
    public DeclaredDeployment? Deployment { get; init; }

    /// <summary>Tells apart the entries of one template deployed several times: its path, then <c>#</c> and the deployment's
    /// name, then a digest of its declaration (so the result cache never reuses the result of another declaration of that name).</summary>
    public string Key => Deployment is null ? Path : $"{Path}#{Deployment.Name}#{Deployment.Digest}";
}
