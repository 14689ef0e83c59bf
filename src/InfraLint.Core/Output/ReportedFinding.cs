using InfraLint.Sdk;

namespace InfraLint.Core.Output;

/// <summary>A finding as the outputs see it: with its fingerprint and what a baseline or suppression says about it.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Fingerprint">Its <see cref="FindingFingerprint"/>.</param>
/// <param name="BaselineState">New or unchanged against a baseline; <see cref="BaselineState.None"/> without one.</param>
/// <param name="Suppressions">Why it is suppressed, if it is. Nothing produces suppressions yet: the engine will fill this
/// when in-source and configured suppressions arrive; SARIF already writes them.</param>
public sealed record ReportedFinding(
    Finding Finding,
    string Fingerprint,
    BaselineState BaselineState = BaselineState.None,
    IReadOnlyList<FindingSuppression>? Suppressions = null)
{
    /// <summary>Shown in text, GitHub and JSON output and counted for the exit code: neither baselined nor suppressed.
    /// SARIF keeps every finding and marks the others.</summary>
    public bool IsReported => BaselineState != BaselineState.Unchanged && (Suppressions is null || Suppressions.Count == 0);
}
