using InfraLint.Sdk;

namespace InfraLint.Core.Deployments;

/// <summary>Where a deployment is declared: a file, a line and what kind of declaration it is.</summary>
/// <param name="File">Full path of the declaring file.</param>
/// <param name="Line">1-based line of the declaration (the deploying step, the azd environment, the entry).</param>
/// <param name="Kind"><c>github-actions</c>, <c>azure-pipelines</c>, <c>azd</c>, <c>infralint.json</c> or <c>parameters-file</c>.</param>
public sealed record DeploymentEvidence(string File, int Line, string Kind);

/// <summary>
/// One deployment as a repository declares it: a template, where its parameter values come from, its
/// environment with the evidence, and optionally its scope.
/// </summary>
/// <param name="Name">Unique within the repository: the job (qualified where two share a name), the azd environment, the infralint.json entry.</param>
/// <param name="Template">Full path of the template (Bicep entry or ARM JSON).</param>
/// <param name="Parameters">Full path of its parameters file (<c>.bicepparam</c>, ARM parameters JSON), if any.</param>
/// <param name="Environment">Production, sandbox or unknown, and what decided it.</param>
/// <param name="Evidence">Where it is declared.</param>
/// <param name="Origin">How messages name where it is declared, repository-relative: <c>.github/workflows/deploy.yml, job deploy-dev</c>.</param>
public sealed record DeclaredDeployment(string Name, string Template, string? Parameters, EnvironmentInfo Environment,
    DeploymentEvidence Evidence, string Origin, string? Subscription, string? ResourceGroup, string? Location)
{
    /// <summary>Parameter values set where the deployment is declared (inline values, substituted azd placeholders);
    /// an unknown value (a pipeline secret or variable) hides the template's default. They override the parameters file.</summary>
    public IReadOnlyDictionary<string, TemplateValue> Values { get; init; } = new Dictionary<string, TemplateValue>();

    /// <summary>True when the values come only from <see cref="Values"/>, not from a parameters file read as is (azd substitutes its file).</summary>
    public bool ValuesReplaceParametersFile { get; init; }

    /// <summary>How the message of a finding names it: <c>'dev' (.github/workflows/deploy.yml, job deploy-dev)</c>.</summary>
    public string Label => $"'{Name}' ({Origin})";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DeclaredDeployment, string> Digests = new();

    /// <summary>A digest of everything the declaration says (environment, values, scope, files, where): a cached result
    /// is reused only for the same declaration, wherever it was read from (a caller of a reusable workflow, say).</summary>
    internal string Digest => Digests.GetValue(this, d => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(DiscoveryCache.Describe(d))))[..16]);
}
