using InfraLint.Sdk;

namespace InfraLint.Core.Config;

/// <summary>A rule pack to load: a <c>*.infralint-rules.json</c> file or a compiled assembly.</summary>
/// <param name="Path">Full path of the pack file.</param>
/// <param name="ReferencedAt">Where it is named (an <c>infralint.json</c> entry), for reporting a pack that is missing; null when
/// it came from the command line or an MSBuild item.</param>
public sealed record RulePackReference(string Path, SourceLocation? ReferencedAt = null);
