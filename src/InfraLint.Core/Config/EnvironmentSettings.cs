namespace InfraLint.Core.Config;

/// <summary>How InfraLint tells sandbox from production: <c>environments</c> in infralint.json, or the defaults.</summary>
/// <param name="TagKeys">Tags whose value names the environment, in order.</param>
internal sealed record EnvironmentSettings(IReadOnlyList<string> TagKeys, EnvironmentPatterns Sandbox, EnvironmentPatterns Production)
{
    /// <summary>How pipeline and azd environment names map to production and sandbox (<c>environments.names</c>).</summary>
    public EnvironmentNameMap DeploymentNames { get; init; } = EnvironmentNameMap.Default;

    public static readonly IReadOnlyList<string> DefaultTagKeys = ["environment", "env", "stage"];

    public static readonly EnvironmentSettings Default = new(DefaultTagKeys,
        new EnvironmentPatterns(["sandbox", "sbx", "dev", "exp", "experiment", "poc", "test", "lab"], [], []),
        new EnvironmentPatterns(["prod", "production", "prd", "live"], [], []));
}

/// <summary>What marks one environment.</summary>
/// <param name="Names">Whole name segments (<c>dev</c> matches <c>rg-dev-chat</c>, not <c>devops</c>).</param>
/// <param name="Subscriptions">Subscription ids.</param>
/// <param name="Principals">Named principals (service principals, groups, identities).</param>
internal sealed record EnvironmentPatterns(IReadOnlyList<string> Names, IReadOnlyList<string> Subscriptions, IReadOnlyList<ConfiguredPrincipal> Principals);

/// <summary>A principal named in infralint.json, by object id and/or name.</summary>
internal sealed record ConfiguredPrincipal(string? Id, string? Name);
