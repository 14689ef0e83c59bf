using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>What kind of configuration an entry is; the word appears in messages.</summary>
internal enum ConfigurationKind
{
    AppSetting,
    ConnectionString,
    EnvironmentVariable,
}

internal static class ConfigurationKindNames
{
    /// <summary>The kind as the first words of a message: "App setting", "Connection string", "Environment variable".</summary>
    public static string Describe(this ConfigurationKind kind) => kind switch
    {
        ConfigurationKind.ConnectionString => "Connection string",
        ConfigurationKind.EnvironmentVariable => "Environment variable",
        _ => "App setting",
    };
}

/// <summary>
/// One app setting, connection string or environment variable of a compute resource.
/// <paramref name="Anchor"/> is where findings point: the entry's <c>name</c> (array form) or its key (object form).
/// <paramref name="IsSecretReference"/> is true for <c>secretRef</c> / <c>secureValue</c> entries.
/// <paramref name="ReferencedValue"/> is the value of a Container Instances <c>secureValue</c>: hidden from
/// readers of the resource, but still a copy of the secret.
/// <paramref name="IsOpaque"/> marks a whole collection of settings that InfraLint cannot take apart (a
/// parameter passed through, a merge with an unknown value): <paramref name="Value"/> is the collection,
/// <paramref name="Name"/> is null, and only what its expression shows (a key function, a credential
/// literal) can be judged.
/// </summary>
internal sealed record ConfigurationEntry(
    ResourceModel Owner,
    ConfigurationKind Kind,
    JToken Anchor,
    string? Name,
    JToken? Value,
    bool IsSecretReference,
    JToken? ReferencedValue,
    bool IsOpaque = false)
{
    /// <summary>
    /// The entry as the subject of a message: "App setting 'X'"; for a collection InfraLint cannot take apart, where it
    /// is set; "… whose name is computed at deployment" only when the name is an expression of deployment-time values.
    /// </summary>
    public string Subject => Name is not null ? $"{Kind.Describe()} '{Name}'"
        : IsOpaque && Anchor is JProperty whole ? $"{Kind.Describe()} in '{whole.Name}', set as a whole by an expression"
        : SettingNames.Computed(Kind.Describe());
}

/// <summary>How messages name a setting or secret whose name InfraLint does not know.</summary>
internal static class SettingNames
{
    /// <summary>"App setting whose name is computed at deployment".</summary>
    public static string Computed(string kind) => kind + " whose name is computed at deployment";

    /// <summary>"Secret 'x'", or <see cref="Computed"/> when the name is not known.</summary>
    public static string Subject(string kind, string? name) => name is not null ? $"{kind} '{name}'" : Computed(kind);
}
