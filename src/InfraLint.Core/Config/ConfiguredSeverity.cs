using InfraLint.Sdk;

namespace InfraLint.Core.Config;

/// <summary>What <c>infralint.json</c> says about one rule's severity outside an analysis run (the trust diff's INFRA0008).</summary>
public static class ConfiguredSeverity
{
    /// <summary>The severity that <c>"rules"</c> of the configuration for <paramref name="path"/> gives <paramref name="ruleId"/>
    /// (<paramref name="configFile"/>, or the nearest <c>infralint.json</c> at or above the path, read from
    /// <paramref name="policyFrom"/>'s revision when given), or null when it gives none.</summary>
    public static Severity? Of(string ruleId, string path, string? configFile, PolicyFiles? policyFrom)
    {
        var full = Path.GetFullPath(path);
        // The loader looks above a template's folder: a folder stands for a file inside it.
        var probe = Directory.Exists(full) ? Path.Combine(full, ConfigLoader.FileName) : full;
        return new ConfigLoader(configFile, policyFrom).For(probe).RuleSeverities.TryGetValue(ruleId, out var severity) ? severity : null;
    }
}
