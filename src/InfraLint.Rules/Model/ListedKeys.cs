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
    /// The resource types the expression <paramref name="token"/> names, best evidence first: a type written in it
    /// (<c>resourceId('Microsoft.Storage/…')</c>) or the type of a resource of this template whose symbolic name it
    /// uses (languageVersion 2.0: <c>listKeys('storage', …)</c>); the resources it points at through variables, module
    /// parameters and callers (<c>listKeys(storageAccountId, …)</c> with the caller's <c>storage.id</c>); the service a
    /// connection string it writes is for; the service a parameter it reads is named after.
    /// </summary>
    public static IEnumerable<string> TargetTypes(TemplateModel template, JToken token, TemplateValue value)
    {
        foreach (var literal in value.Literals)
            yield return template.Resources.FirstOrDefault(r => string.Equals(r.SymbolicName, literal, StringComparison.Ordinal))?.Type ?? literal;
        if (template.Deployment is { } deployment)
        {
            foreach (var reference in deployment.References(template, token))
            {
                if (reference.Type is { } type)
                    yield return type;
            }
        }
        foreach (var literal in value.Literals)
        {
            if (ServiceOfConnectionString(literal) is { } type)
                yield return type;
        }
        foreach (var parameter in value.Parameters)
        {
            if (ServiceOfName(parameter) is { } type)
                yield return type;
        }
    }

    // What a connection string template is for: its keys and host names say it (ResourceKinds.ConnectionStringHints).
    private static string? ServiceOfConnectionString(string text) =>
        ResourceKinds.ConnectionStringHints.FirstOrDefault(h => h.Matches(text))?.Type;

    // storageAccountId, serviceBusNamespaceResourceId, cosmosDbAccountName, apimSubscriptionId: the parameter says which
    // service it names (ResourceKinds.ParameterNameHints).
    private static string? ServiceOfName(string parameter)
    {
        var name = parameter.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return ResourceKinds.ParameterNameHints.FirstOrDefault(h => h.Matches(name))?.Type;
    }
}
