using InfraLint.Sdk;

namespace InfraLint.Core.Config;

/// <summary>The severity words of .editorconfig's <c>dotnet_diagnostic.ID.severity</c>, used by infralint.json too.</summary>
internal static class SeverityNames
{
    public const string Allowed = "error, warning, suggestion, silent, none";

    public static bool TryParse(string text, out Severity severity)
    {
        severity = text.Trim().ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "suggestion" or "info" => Severity.Suggestion,
            "silent" or "hidden" => Severity.Silent,
            "none" => Severity.None,
            _ => (Severity)(-1),
        };
        return (int)severity >= 0;
    }
}
