using InfraLint.Sdk;
using Microsoft.CodeAnalysis.Sarif;

namespace InfraLint.Reporting.Sarif;

/// <summary>InfraLint severities as SARIF levels (a suggestion is a note; silent findings stay in SARIF with level none).</summary>
internal static class SarifLevels
{
    public static FailureLevel Of(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        Severity.Suggestion => FailureLevel.Note,
        _ => FailureLevel.None,
    };
}
