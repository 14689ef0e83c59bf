using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>Finds values that copy a service's keys out with a <c>list*()</c> function, and which service that is.</summary>
internal static class ListedKeys
{
    // The ARM functions that return keys, connection strings, credentials or signatures built from them.
    private static readonly string[] KeyFunctions =
    [
        "listKeys", "listConnectionStrings", "listCredentials", "listSecrets", "listAdminKeys", "listQueryKeys",
        "listAccountSas", "listServiceSas", "listAuthKeys", "listCallbackUrl", "listClusterAdminCredential",
        "listClusterUserCredential",
    ];

    /// <summary>The key function <paramref name="token"/> calls (directly, through variables or module parameters), with its evaluated value.</summary>
    public static (string Function, TemplateValue Value)? In(TemplateModel template, JToken? token)
    {
        if (token is null)
            return null;
        var value = template.Evaluate(token);
        var function = KeyFunctions.FirstOrDefault(value.Calls);
        return function is null ? null : (function, value);
    }

    /// <summary>
    /// The resource types the expression names: a type written in it (<c>resourceId('Microsoft.Storage/…')</c>),
    /// or the type of a resource of this template whose symbolic name it uses (languageVersion 2.0: <c>listKeys('storage', …)</c>).
    /// </summary>
    public static IEnumerable<string> TargetTypes(TemplateModel template, TemplateValue value) =>
        value.Literals.Select(l => template.Resources.FirstOrDefault(r => string.Equals(r.SymbolicName, l, StringComparison.Ordinal))?.Type ?? l);
}
