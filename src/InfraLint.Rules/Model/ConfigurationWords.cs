using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>How the built-in rules' messages name configuration entries.</summary>
internal static class ConfigurationWords
{
    /// <summary>The kind as the first words of a message: "App setting", "Connection string", "Environment variable".</summary>
    public static string Describe(this ConfigurationKind kind) => kind switch
    {
        ConfigurationKind.ConnectionString => "Connection string",
        ConfigurationKind.EnvironmentVariable => "Environment variable",
        _ => "App setting",
    };

    /// <summary>
    /// The entry as the subject of a message: "App setting 'X'"; for a collection InfraLint cannot take apart, where it
    /// is set; "… whose name is computed at deployment" only when the name is an expression of deployment-time values.
    /// </summary>
    public static string Subject(this ConfigurationEntry entry) => entry.Name is not null ? $"{entry.Kind.Describe()} '{entry.Name}'"
        : entry.IsOpaque && entry.Anchor is JProperty whole ? $"{entry.Kind.Describe()} in '{whole.Name}', set as a whole by an expression"
        : SettingNames.Computed(entry.Kind.Describe());
}

/// <summary>How messages name a setting or secret whose name InfraLint does not know.</summary>
internal static class SettingNames
{
    /// <summary>"App setting whose name is computed at deployment".</summary>
    public static string Computed(string kind) => kind + " whose name is computed at deployment";

    /// <summary>"Secret 'x'", or <see cref="Computed"/> when the name is not known.</summary>
    public static string Subject(string kind, string? name) => name is not null ? $"{kind} '{name}'" : Computed(kind);
}
