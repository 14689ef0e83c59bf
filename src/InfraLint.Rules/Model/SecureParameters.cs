using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>
/// <c>@secure()</c> parameters (<c>securestring</c>, <c>secureObject</c>) hold secrets whatever their default:
/// <c>''</c> is the usual placeholder for a secret passed at deployment, not a known empty value.
/// </summary>
internal static class SecureParameters
{
    /// <summary>True when <paramref name="value"/> reads a secure parameter of <paramref name="template"/> or of a caller that passes it down.</summary>
    public static bool Reads(TemplateModel template, TemplateValue value) =>
        value.ReadsSecureParameter || value.Parameters.Count > 0 && template.Template["parameters"] is JObject declared &&
        value.Parameters.Any(name => IsSecure(declared.Property(name, StringComparison.OrdinalIgnoreCase)?.Value));

    private static bool IsSecure(JToken? parameter) =>
        parameter is JObject { } p && p["type"] is JValue { Type: JTokenType.String } type &&
        ((string)type!).StartsWith("secure", StringComparison.OrdinalIgnoreCase);
}
