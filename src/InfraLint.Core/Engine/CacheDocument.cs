using System.Text.Json.Serialization;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// The incremental cache as stored in <c>obj/…/infralint.cache.json</c>. <see cref="Key"/> names
/// everything that invalidates all of it (format version, InfraLint's and the rules' assemblies, the
/// compiler, options); <see cref="Inputs"/> the configuration files that do the same when they change.
/// Each entry keeps its findings before suppressions and severities apply, so a partial run can apply
/// them again over every file; <see cref="Findings"/> keeps the final list, which a run where nothing
/// changed reports as it is.
/// </summary>
internal sealed class CacheDocument
{
    /// <summary>Bumped whenever the shape or meaning of the cache changes.</summary>
    public const int CurrentVersion = 1;

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

    public List<string> AnalyzedFiles { get; set; } = [];

    public List<CachedResource> Resources { get; set; } = [];

    /// <summary>Indices into <see cref="Resources"/> of the ARM resources that carry suppressions.</summary>
    public List<int> Suppressing { get; set; } = [];

    public List<CachedFinding> Findings { get; set; } = [];
}

/// <summary>What suppressions need of a resource: its names, its declaration and its <c>metadata.infralint.suppress</c>.</summary>
internal sealed class CachedResource
{
    public string Type { get; set; } = "";

    public string ApiVersion { get; set; } = "";

    public string? SymbolicName { get; set; }

    public string? EvaluatedName { get; set; }

    public bool IsExisting { get; set; }

    public SourceLocation Declaration { get; set; } = new("", 1, 1);

    /// <summary>The <c>metadata.infralint.suppress</c> array as JSON text, or null.</summary>
    public string? Suppress { get; set; }
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
}

[JsonSourceGenerationOptions(WriteIndented = false, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CacheDocument))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
