using InfraLint.Sdk;

namespace InfraLint.Reporting.Reports;

/// <summary>A finding as the outputs see it: with its fingerprint and what a baseline says about it.
/// Whether it is suppressed is <see cref="Finding.Suppression"/>.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Fingerprint">Its <see cref="FindingFingerprint"/>.</param>
/// <param name="BaselineState">New or unchanged against a baseline; <see cref="BaselineState.None"/> without one.</param>
public sealed record ReportedFinding(
    Finding Finding,
    string Fingerprint,
    BaselineState BaselineState = BaselineState.None)
{
    /// <summary>Shown in text, GitHub and JSON output and counted for the exit code: neither baselined nor suppressed.
    /// SARIF keeps every finding and marks the others.</summary>
    public bool IsReported => BaselineState != BaselineState.Unchanged && Finding.Suppression is null;
}
