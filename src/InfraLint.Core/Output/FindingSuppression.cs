namespace InfraLint.Core.Output;

/// <summary>Why a finding is suppressed (SARIF's <c>suppression</c>).</summary>
/// <param name="InSource">True for a directive in the template itself, false for configuration (SARIF kind inSource or external).</param>
/// <param name="Justification">The reason the user gave.</param>
public sealed record FindingSuppression(bool InSource, string Justification);
