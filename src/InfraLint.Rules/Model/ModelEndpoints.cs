using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>Tells whether a URL is an Azure OpenAI / AI Services endpoint, as far as the template shows it.</summary>
internal static class ModelEndpoints
{
    private const string AccountType = "Microsoft.CognitiveServices/accounts";

    // Hosts of Azure OpenAI, AI Services (and other Cognitive Services custom subdomains) and AI Foundry, public and government clouds.
    private static readonly string[] Hosts =
    [
        ".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com",
        ".openai.azure.us", ".cognitiveservices.azure.us", ".services.ai.azure.us",
    ];

    // Kinds whose endpoint serves models; other kinds (Document Intelligence, Speech …) have no tokens to limit.
    private static readonly string[] ModelKinds = ["OpenAI", "AIServices"];

    /// <summary>
    /// True when <paramref name="token"/> is a model endpoint: a known URL on a model host, an expression that
    /// writes such a host, or one that reads the endpoint of a Cognitive Services account (<c>reference(…).endpoint</c>).
    /// A value InfraLint cannot evaluate and that names no account is not one.
    /// </summary>
    public static bool Is(TemplateModel template, JToken? token)
    {
        if (token is null)
            return false;
        var value = template.Evaluate(token);
        if (value.AsString is { } url)
            return IsModelUrl(url);
        if (value.Literals.Any(IsModelUrl))
            return true;
        if (!value.Calls("reference"))
            return false;
        var mentionsType = value.Literals.Any(l => l.Equals(AccountType, StringComparison.OrdinalIgnoreCase));
        var accounts = template.Resources.Where(r => r.Is(AccountType)).ToList();
        // The account the expression names (resourceId(type, 'name') or a symbolic name), else any of the type.
        var named = accounts.Where(a => value.Literals.Any(l => l == a.SymbolicName || string.Equals(l, a.EvaluatedName, StringComparison.OrdinalIgnoreCase))).ToList();
        if (named.Count > 0)
            accounts = named;
        else if (!mentionsType)
            accounts = [];
        return accounts.Count == 0 ? mentionsType : accounts.Any(a => ServesModels(template, a));
    }

    /// <summary>True for a URL (or host, or the literal part of one) on an Azure OpenAI / AI Services host.</summary>
    public static bool IsModelUrl(string text)
    {
        var host = text.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
            host = host[(scheme + 3)..];
        var end = host.IndexOfAny(['/', ':', '?']);
        if (end >= 0)
            host = host[..end];
        return Hosts.Any(h => host.EndsWith(h, StringComparison.OrdinalIgnoreCase) || ("." + host).Equals(h, StringComparison.OrdinalIgnoreCase));
    }

    // An account declared here with a known kind that is not a model kind does not serve models; an existing one may.
    private static bool ServesModels(TemplateModel template, ResourceModel account) =>
        account.Body["kind"] is not { } kind || template.Evaluate(kind).AsString is not { } known
            || ModelKinds.Contains(known, StringComparer.OrdinalIgnoreCase);
}
