using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// A suppression written in a template, as the entry that read it found it: a pragma before a Bicep line, or one entry
/// of an ARM resource's <c>metadata.infralint.suppress</c>. It is plain data, so a cached entry keeps it without the
/// model it came from.
/// </summary>
/// <param name="Declared">Where it is written: the pragma's line, or the resource's declaration.</param>
/// <param name="Ids">The ids it names; a pragma keeps every id written (Bicep linter codes too).</param>
/// <param name="Justification">The reason given, or null.</param>
/// <param name="IsPragma">A pragma (matched by place across the run) rather than resource metadata (one per entry).</param>
/// <param name="Used">The ids that suppressed a finding of the entry.</param>
internal sealed record SourceSuppression(SourceLocation Declared, IReadOnlyList<string> Ids, string? Justification, bool IsPragma,
    IReadOnlyList<string> Used);
