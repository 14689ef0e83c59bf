namespace InfraLint.Sdk;

/// <summary>How a finding is reported; the names follow .editorconfig's <c>dotnet_diagnostic.ID.severity</c> values.</summary>
public enum Severity
{
    /// <summary>Not reported at all.</summary>
    None,
    /// <summary>Computed but not shown in the build log (kept in SARIF).</summary>
    Silent,
    /// <summary>Shown as a message, never fails a build.</summary>
    Suggestion,
    /// <summary>A build warning.</summary>
    Warning,
    /// <summary>A build error.</summary>
    Error,
}
