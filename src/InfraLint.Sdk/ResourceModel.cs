using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>One resource of a template, as deployed (the compiled ARM JSON for Bicep).</summary>
public sealed class ResourceModel
{
    /// <summary>Creates a resource; front ends call this, rules read it.</summary>
    public ResourceModel(JObject body, string type, string apiVersion, string? symbolicName,
        bool isExisting, SourceLocation declaration, string? evaluatedName = null)
    {
        EvaluatedName = evaluatedName;
        Body = body;
        Type = type;
        ApiVersion = apiVersion;
        SymbolicName = symbolicName;
        IsExisting = isExisting;
        Declaration = declaration;
    }

    /// <summary>The resource's JSON (type, name, properties, identity, tags, …) with unevaluated expressions.</summary>
    public JObject Body { get; }

    /// <summary>Full resource type, e.g. <c>Microsoft.Web/sites/config</c>.</summary>
    public string Type { get; }

    /// <summary>API version, e.g. <c>2023-12-01</c>; empty when the template has none.</summary>
    public string ApiVersion { get; }

    /// <summary>The Bicep symbolic name (or languageVersion 2.0 key); null for classic ARM JSON.</summary>
    public string? SymbolicName { get; }

    /// <summary>True for <c>existing</c> resources, which the template references but does not deploy.</summary>
    public bool IsExisting { get; }

    /// <summary>The <c>resource</c> line in Bicep, the <c>"type"</c> line in ARM JSON.</summary>
    public SourceLocation Declaration { get; }

    /// <summary>The <c>name</c> property (often an expression).</summary>
    public JToken? Name => Body["name"];

    /// <summary>The <c>properties</c> object.</summary>
    public JToken? Properties => Body["properties"];

    /// <summary>The <c>identity</c> object.</summary>
    public JToken? Identity => Body["identity"];

    /// <summary>The <c>tags</c> object.</summary>
    public JToken? Tags => Body["tags"];

    /// <summary>True when <see cref="Type"/> is <paramref name="type"/> (case-insensitive, as ARM compares types).</summary>
    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The resource's name when InfraLint could evaluate it, e.g. <c>app-contoso-prod</c>.</summary>
    public string? EvaluatedName { get; }

    /// <summary>
    /// A name for messages: the symbolic name, else the evaluated name, else the name as the template writes it
    /// (<c>[parameters('vmName')]</c>: the reader finds it in the file), else the type.
    /// </summary>
    public string DisplayName => SymbolicName ?? EvaluatedName ?? NameAsWritten ?? Type;

    private string? NameAsWritten => Name is JValue { Type: JTokenType.String } name && ((string)name!).Length is > 0 and <= MaxWrittenName ? (string)name! : null;

    private const int MaxWrittenName = 120;
}
