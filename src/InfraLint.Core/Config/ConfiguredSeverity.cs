using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Config;

/// <summary>
/// What the configuration says about one rule's severity outside an analysis run (the trust diff's INFRA0008), in the
/// order an analysis applies it: <c>.editorconfig</c>/<c>.globalconfig</c>, then <c>infralint.json</c>.
/// </summary>
public static class ConfiguredSeverity
{
    /// <summary>For one of InfraLint's own diagnostics, the severity that <c>dotnet_diagnostic.ID.severity</c> of the .editorconfig/.globalconfig files above
    /// <paramref name="path"/> gives <paramref name="ruleId"/>, else <c>"rules"</c> of its configuration
    /// (<paramref name="configFile"/>, or the nearest <c>infralint.json</c> at or above the path); every file read from
    /// <paramref name="policyFrom"/>'s revision when given. Null when none gives one.</summary>
    public static Severity? Of(string ruleId, string path, string? configFile, PolicyFiles? policyFrom)
    {
        var full = Path.GetFullPath(path);
        // A folder stands for a Bicep file inside it: the loader looks above a template's folder, and .editorconfig
        // sections such as [*.bicep] match it.
        var probe = Directory.Exists(full) ? Path.Combine(full, "main.bicep") : full;
        var configs = new ConfigLoader(configFile, policyFrom);
        if (ToolDiagnostics.All.FirstOrDefault(d => d.Id == ruleId) is { } descriptor &&
            new EditorConfigSeverities(null, configs.Files).For(descriptor, probe) is { } fromEditorConfig)
            return fromEditorConfig;
        return configs.For(probe).RuleSeverities.TryGetValue(ruleId, out var severity) ? severity : null;
    }
}
