using System.Text.RegularExpressions;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Packs;

/// <summary>
/// A rule of a declarative pack: for each deployed resource of a matching type where <c>where</c> holds, a
/// finding when <c>assert</c> is false — at the value that made it false, or at the resource when that value
/// is missing. A condition InfraLint cannot decide (an unknown value) reports nothing.
/// </summary>
internal sealed partial class JsonRule(RuleDescriptor descriptor, IReadOnlyList<TypePattern> types, IReadOnlyList<TypePattern> excludedTypes,
    Condition? where, Condition assert) : Rule
{
    /// <summary>What <c>{value}</c> becomes when the value is secret-shaped.</summary>
    public const string Redacted = "***";

    public override RuleDescriptor Describe => descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var resource in template.Resources)
        {
            if (resource.IsExisting || !types.Any(t => t.IsMatch(resource.Type)) || excludedTypes.Any(t => t.IsMatch(resource.Type)))
                continue;
            if (where is not null && where.Evaluate(template, resource).Truth != Truth.True)
                continue;
            var outcome = assert.Evaluate(template, resource);
            if (outcome.Truth != Truth.False)
                continue;
            var hit = outcome.DecidedBy;
            object?[] args = [resource.DisplayName, resource.Type, hit?.Path ?? string.Empty, ValueOf(template, hit)];
            if (hit?.Anchor is { } anchor)
                report.ReportAt(descriptor, resource, anchor, args);
            else
                report.Report(descriptor, resource, args);
        }
    }

    // A token, key or password needs no secret-shaped name to be one: a long single word that mixes letters and
    // digits, and is not a name (words and numbers between separators), a GUID, a URL or a resource ID, is hidden
    // (credentials inside URLs and connection strings are caught by CarriesCredential).
    private static bool LooksGenerated(string text) =>
        text.Length >= 16 && !text.Any(char.IsWhiteSpace) && text.Any(char.IsLetter) && text.Any(char.IsDigit)
        && !text.StartsWith('/') && !text.Contains("://", StringComparison.Ordinal)
        && !Guid.TryParse(text, out _) && !NameLike().IsMatch(text);

    [GeneratedRegex(@"^(?:[A-Za-z]+[0-9]*|[0-9]+)(?:[-_./\\:@]+(?:[A-Za-z]+[0-9]*|[0-9]+))*$")]
    private static partial Regex NameLike();

    // {value}: the value as written or evaluated, never a secret: a secret-shaped name on the path or beside the
    // value ({ name: 'API_KEY', value: … }), a credential in a connection string or a @secure() parameter hides it.
    private static string ValueOf(TemplateModel template, PathHit? hit)
    {
        if (hit?.Token is not { } token)
            return "(not set)";
        var value = template.Evaluate(token);
        if (!value.IsKnown)
            return "(unknown)";
        var text = JsonValues.Display(value.Value!);
        var secret = hit.Path.Split('.', '[').Any(SecretShapes.IsSecretName)
            || (token.Parent?.Parent is JObject entry && (string?)entry["name"] is { } name && SecretShapes.IsSecretName(name))
            || SecretShapes.CarriesCredential(text)
            || LooksGenerated(text)
            || value.Parameters.Any(p => IsSecure(template, p));
        return secret ? Redacted : text;
    }

    private static bool IsSecure(TemplateModel template, string parameter) =>
        ((string?)template.Template["parameters"]?[parameter]?["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true;
}
