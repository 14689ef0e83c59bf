namespace InfraLint.Sdk;

/// <summary>The environment a resource, identity or deployment belongs to.</summary>
public enum EnvironmentKind
{
    /// <summary>Nothing classifies it; rules never guess from this.</summary>
    Unknown,

    /// <summary>Experiments, sandboxes, dev and test.</summary>
    Sandbox,

    /// <summary>Production.</summary>
    Production,
}

/// <summary>An environment classification and what it was decided from, for messages.</summary>
/// <param name="Kind">Sandbox, production or unknown.</param>
/// <param name="Evidence">What decided it, e.g. <c>tag 'environment' = 'prod'</c> or <c>resource group 'rg-exp-chat'</c>; empty when unknown.</param>
public sealed record EnvironmentInfo(EnvironmentKind Kind, string Evidence)
{
    /// <summary>Not classified.</summary>
    public static readonly EnvironmentInfo Unknown = new(EnvironmentKind.Unknown, string.Empty);

    /// <summary>True for sandbox.</summary>
    public bool IsSandbox => Kind == EnvironmentKind.Sandbox;

    /// <summary>True for production.</summary>
    public bool IsProduction => Kind == EnvironmentKind.Production;

    /// <summary>True when the environment is known.</summary>
    public bool IsKnown => Kind != EnvironmentKind.Unknown;

    /// <summary><c>sandbox</c>, <c>production</c> or <c>unknown</c>.</summary>
    public string Name => Kind.ToString().ToLowerInvariant();
}
