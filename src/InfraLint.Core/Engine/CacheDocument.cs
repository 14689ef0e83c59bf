using System.Text.Json.Serialization;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// The incremental cache as stored in <c>obj/…/infralint.cache.json</c>. <see cref="Key"/> names
/// everything that invalidates all of it (format version, InfraLint's and the rules' assemblies, the
/// compiler, options); <see cref="Inputs"/> the configuration files that do the same when they change.
/// Each entry keeps its findings before configured suppressions and severities apply (with the suppressions
/// written in its templates, as data), so a partial run can apply
/// them again over every file; <see cref="Findings"/> keeps the final list, which a run where nothing
/// changed reports as it is.
/// </summary>
internal sealed class CacheDocument
{
    /// <summary>Bumped whenever the shape or meaning of the cache changes.</summary>
    public const int CurrentVersion = 5;

    public int Version { get; set; }

    public string Key { get; set; } = "";

    /// <summary>The day the final findings were decided on (suppressions expire by day).</summary>
    public string Day { get; set; } = "";

    public List<FileStamp> Inputs { get; set; } = [];

    public List<CachedEntry> Entries { get; set; } = [];

    public int FilesAnalyzed { get; set; }

    public List<CachedFinding> Findings { get; set; } = [];
}

internal sealed class CachedEntry
{
    public string Path { get; set; } = "";

    public bool Explicit { get; set; }

    public bool Analyzed { get; set; }

    public List<FileStamp> Dependencies { get; set; } = [];

    /// <summary><see cref="EntryAnalysis.Deploys"/>: the module files analysed through this entry.</summary>
    public List<string> Deploys { get; set; } = [];

    public List<CachedResource> Resources { get; set; } = [];

    /// <summary>The suppressions written in the entry's templates, with what they suppressed (<see cref="Engine.SourceSuppression"/>).</summary>
    public List<CachedSuppression> Suppressions { get; set; } = [];

    public List<CachedFinding> Findings { get; set; } = [];
}

/// <summary>What configured suppressions need of a finding's resource: its names and its declaration.</summary>
internal sealed class CachedResource
{
    public string Type { get; set; } = "";

    public string ApiVersion { get; set; } = "";

    public string? SymbolicName { get; set; }

    public string? EvaluatedName { get; set; }

    public bool IsExisting { get; set; }

    public SourceLocation Declaration { get; set; } = new("", 1, 1);
}

internal sealed class CachedSuppression
{
    public SourceLocation Declared { get; set; } = new("", 1, 1);

    public List<string> Ids { get; set; } = [];

    public string? Justification { get; set; }

    public bool IsPragma { get; set; }

    public List<string> Used { get; set; } = [];
}

internal sealed class CachedFinding
{
    public string Id { get; set; } = "";

    public Severity Severity { get; set; }

    public SourceLocation? Location { get; set; }

    public string Message { get; set; } = "";

    public string? ResourceName { get; set; }

    public string? ResourceType { get; set; }

    public string? PropertyPath { get; set; }

    /// <summary>Index into the entry's <see cref="CachedEntry.Resources"/>, for findings on a resource.</summary>
    public int? Resource { get; set; }

    public Suppression? Suppression { get; set; }

    /// <summary><see cref="Finding.Deployments"/>.</summary>
    public List<string>? Deployments { get; set; }

    /// <summary>An exemption (<see cref="Finding.Exempts"/>), kept so a reused entry still exempts the places it saw.</summary>
    public bool Exempts { get; set; }
}

[JsonSourceGenerationOptions(WriteIndented = false, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CacheDocument))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
