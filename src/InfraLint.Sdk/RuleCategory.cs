namespace InfraLint.Sdk;

/// <summary>The category of a rule; built-in ids take their number range from it (0xxx … 5xxx).</summary>
public enum RuleCategory
{
    /// <summary>InfraLint itself: parse errors, compiler and pack failures, suppressions (INFRA0xxx).</summary>
    Tooling,
    /// <summary>Secrets in configuration (INFRA1xxx).</summary>
    Secrets,
    /// <summary>Identity and authentication (INFRA2xxx).</summary>
    Identity,
    /// <summary>Role assignments and permissions (INFRA3xxx).</summary>
    Roles,
    /// <summary>Environment isolation (INFRA4xxx).</summary>
    Environments,
    /// <summary>AI operations (INFRA5xxx).</summary>
    AI,
    /// <summary>A rule pack's own conventions (tags, naming, allowed locations and SKUs); never used by built-in rules.</summary>
    Other,
}
