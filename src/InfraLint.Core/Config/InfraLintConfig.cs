using System.Text.RegularExpressions;
using InfraLint.Sdk;

namespace InfraLint.Core.Config;

/// <summary>What an <c>infralint.json</c> says that this version acts on: rule severities, central suppressions, environments, permission budgets and approvals.</summary>
internal sealed class InfraLintConfig
{
    public static readonly InfraLintConfig Empty = new(null, new Dictionary<string, Severity>(), [], []);

    public InfraLintConfig(string? path, IReadOnlyDictionary<string, Severity> ruleSeverities,
        IReadOnlyList<CentralSuppression> suppressions, IReadOnlyList<Finding> diagnostics, EnvironmentSettings? environments = null,
        PermissionPolicy? permissions = null)
    {
        Environments = environments ?? EnvironmentSettings.Default;
        Permissions = permissions ?? PermissionPolicy.None;
        Path = path;
        RuleSeverities = ruleSeverities;
        Suppressions = suppressions;
        Diagnostics = diagnostics;
    }

    /// <summary>The file, or null when no configuration applies.</summary>
    public string? Path { get; }

    public IReadOnlyDictionary<string, Severity> RuleSeverities { get; }

    public IReadOnlyList<CentralSuppression> Suppressions { get; }

    /// <summary>How sandbox and production are recognised.</summary>
    public EnvironmentSettings Environments { get; }

    /// <summary>The <c>rulePacks</c> it names, as full paths.</summary>
    public IReadOnlyList<Config.RulePackReference> RulePacks { get; init; } = [];

    /// <summary>The <c>deployments</c> it declares, paths resolved against its folder.</summary>
    public IReadOnlyList<ConfiguredDeployment> Deployments { get; init; } = [];

    /// <summary>Permission budgets and approvals (its <c>Today</c> is set by the engine).</summary>
    public PermissionPolicy Permissions { get; }

    /// <summary>INFRA0003/INFRA0004 findings about the file itself.</summary>
    public IReadOnlyList<Finding> Diagnostics { get; }
}

/// <summary>An entry of <c>suppressions</c> in infralint.json.</summary>
/// <param name="Files">Glob relative to the configuration's folder; null matches every file.</param>
/// <param name="Resource">A symbolic or resource name; null matches every resource.</param>
internal sealed record CentralSuppression(string Id, Regex? Files, string? Resource, string? Justification, DateOnly? Expires, SourceLocation Location);
