using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>
/// A template value after InfraLint evaluated what it could of it. A value InfraLint cannot
/// evaluate (a parameter without a default, <c>reference()</c>, <c>uniqueString()</c> …) is
/// <see cref="IsKnown"/> = false: rules never guess a finding from it.
/// </summary>
public sealed class TemplateValue
{
    private static readonly IReadOnlyCollection<string> None = Array.Empty<string>();

    private TemplateValue(JToken? value, bool isExpression, IReadOnlyCollection<string> functions,
        IReadOnlyCollection<string> parameters, IReadOnlyCollection<string> literals, bool readsSecureParameter)
    {
        ReadsSecureParameter = readsSecureParameter;
        Value = value;
        IsExpression = isExpression;
        Functions = functions;
        Parameters = parameters;
        Literals = literals;
    }

    /// <summary>The evaluated value, or null when it is not known.</summary>
    public JToken? Value { get; }

    /// <summary>True when InfraLint knows the value.</summary>
    public bool IsKnown => Value is not null;

    /// <summary>True when the value came from a template expression rather than a literal.</summary>
    public bool IsExpression { get; }

    /// <summary>The known value as a string, or null when unknown or not a string.</summary>
    public string? AsString => Value?.Type == JTokenType.String ? (string?)Value : null;

    /// <summary>Functions the expression calls, directly or through variables (lower case, e.g. <c>listkeys</c>).</summary>
    public IReadOnlyCollection<string> Functions { get; }

    /// <summary>Template parameters the expression reads, directly or through variables.</summary>
    public IReadOnlyCollection<string> Parameters { get; }

    /// <summary>
    /// True when the value reads a <c>@secure()</c> parameter (<c>securestring</c>, <c>secureObject</c>), of this template
    /// or of a caller that passes it down through module parameters: a secret whatever its default, since <c>''</c> is the
    /// usual placeholder for a value passed at deployment.
    /// </summary>
    public bool ReadsSecureParameter { get; }

    /// <summary>String literals written in the expression, directly or through variables.</summary>
    public IReadOnlyCollection<string> Literals { get; }

    /// <summary>True when the expression calls <paramref name="function"/> (case-insensitive).</summary>
    public bool Calls(string function) => Functions.Contains(function.ToLowerInvariant());

    /// <summary>A value that is known.</summary>
    public static TemplateValue Known(JToken value, bool isExpression = false,
        IReadOnlyCollection<string>? functions = null, IReadOnlyCollection<string>? parameters = null,
        IReadOnlyCollection<string>? literals = null, bool readsSecureParameter = false) =>
        new(value, isExpression, functions ?? None, parameters ?? None, literals ?? None, readsSecureParameter);

    /// <summary>A value that is not known.</summary>
    public static TemplateValue Unknown(IReadOnlyCollection<string>? functions = null,
        IReadOnlyCollection<string>? parameters = null, IReadOnlyCollection<string>? literals = null, bool readsSecureParameter = false) =>
        new(null, true, functions ?? None, parameters ?? None, literals ?? None, readsSecureParameter);
}
