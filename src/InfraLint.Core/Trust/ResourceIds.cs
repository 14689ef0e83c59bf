using System.Text.RegularExpressions;
using InfraLint.Core.Arm;
using InfraLint.Sdk;

namespace InfraLint.Core.Trust;

/// <summary>What a resource id, a <c>resourceId()</c> call or a host name says about the resource it names.</summary>
/// <param name="Type">Full resource type, e.g. <c>Microsoft.KeyVault/vaults</c>; null for scopes that are not resources.</param>
/// <param name="Name">The resource name (child names joined with <c>/</c>); null when not known.</param>
/// <param name="ResourceGroup">The resource group written in the id; null when the id leaves it implicit or it is not known.</param>
/// <param name="Subscription">The subscription written in the id, if known.</param>
internal sealed record ResourceId(string? Type, string? Name, string? ResourceGroup, string? Subscription)
{
    public bool IsResource => Type is not null;
}

/// <summary>
/// Reads resource ids from ARM expressions (<c>resourceId()</c>, <c>subscriptionResourceId()</c>,
/// <c>extensionResourceId()</c>, <c>tenantResourceId()</c>), from id strings and from Azure host names.
/// </summary>
internal static class ResourceIds
{
    private static readonly Regex IdPattern = new(
        @"^/subscriptions/(?<sub>[^/]+)(/resourceGroups/(?<rg>[^/]+))?(/providers/(?<ns>[^/]+)/(?<rest>.+))?/?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The relative form ARM accepts for an extension resource's scope: Microsoft.Storage/storageAccounts/name
    private static readonly Regex RelativePattern = new(@"^(?<ns>[A-Za-z0-9]+\.[A-Za-z0-9.]+)/(?<rest>[^/].*)$", RegexOptions.CultureInvariant);

    private static readonly Regex ManagementGroupPattern = new(
        @"^/?(providers/)?Microsoft\.Management/managementGroups/(?<mg>[^/]+)/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex HostPattern = new(
        @"(?<![a-z0-9.-])(?<name>[a-z0-9][a-z0-9-]{1,62})\.(?<suffix>(?:[a-z]+\.)*(?:azure\.net|windows\.net|azure\.com|azconfig\.io|azurecr\.io))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool IsIdFunction(string name) =>
        name.Equals("resourceId", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("subscriptionResourceId", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("tenantResourceId", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("extensionResourceId", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("managementGroupResourceId", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a <c>resourceId()</c>-family call; <paramref name="evaluate"/> gives the known value of an argument.</summary>
    public static ResourceId? FromCall(ArmCall call, Func<ArmExpression, string?> evaluate, Func<ArmExpression, string?>? resourceGroupOfScope = null)
    {
        var args = call.Arguments.Select(evaluate).ToList();
        var function = call.Name.ToLowerInvariant();
        var first = function == "extensionresourceid" ? 1 : 0;
        var typeIndex = -1;
        for (var i = first; i < args.Count; i++)
        {
            if (args[i] is { } a && IsType(a))
            {
                typeIndex = i;
                break;
            }
        }
        if (typeIndex < 0)
            return null;
        var names = args.Skip(typeIndex + 1).ToList();
        var name = names.Count > 0 && names.All(n => n is not null) ? string.Join('/', names) : null;
        string? rg = null, sub = null;
        switch (function)
        {
            case "resourceid" when typeIndex == 1:
                rg = args[0];
                break;
            case "resourceid" when typeIndex == 2:
                (sub, rg) = (args[0], args[1]);
                break;
            case "subscriptionresourceid" when typeIndex == 1:
                sub = args[0];
                break;
            case "extensionresourceid":
                rg = args[0] is { } scope ? Parse(scope)?.ResourceGroup : resourceGroupOfScope?.Invoke(call.Arguments[0]);
                break;
        }
        return new ResourceId(args[typeIndex], name, rg, sub);
    }

    /// <summary>Reads an id string: a resource, resource group, subscription or management group.</summary>
    public static ResourceId? Parse(string id)
    {
        var mg = ManagementGroupPattern.Match(id);
        if (mg.Success)
            return new ResourceId(null, mg.Groups["mg"].Value, null, null);
        var relative = RelativePattern.Match(id);
        if (relative.Success)
            return Resource(relative.Groups["ns"].Value, relative.Groups["rest"].Value, null, null);
        var match = IdPattern.Match(id);
        if (!match.Success)
            return null;
        var sub = match.Groups["sub"].Value;
        var rg = match.Groups["rg"].Success ? match.Groups["rg"].Value : null;
        if (!match.Groups["ns"].Success)
            return new ResourceId(null, null, rg, sub);
        return Resource(match.Groups["ns"].Value, match.Groups["rest"].Value, rg, sub);
    }

    // Ns + type1/name1/type2/name2 -> Ns/type1/type2, name1/name2
    private static ResourceId? Resource(string ns, string rest, string? rg, string? sub)
    {
        var parts = rest.TrimEnd('/').Split('/');
        if (parts.Length % 2 != 0)
            return null;
        var type = ns + "/" + string.Join('/', parts.Where((_, i) => i % 2 == 0));
        var name = string.Join('/', parts.Where((_, i) => i % 2 == 1));
        return new ResourceId(type, name, rg, sub);
    }

    /// <summary>Resources named by ids and host names inside a string (a URI, a connection string, an id).</summary>
    public static IEnumerable<ResourceId> InText(string text)
    {
        if (text.StartsWith('/') && Parse(text) is { IsResource: true } id)
        {
            yield return id;
            yield break;
        }
        foreach (Match match in HostPattern.Matches(text))
        {
            var suffix = match.Groups["suffix"].Value;
            var type = ResourceKinds.HostSuffixes.FirstOrDefault(h => suffix.Equals(h.Suffix, StringComparison.OrdinalIgnoreCase))?.Type;
            if (type is not null)
                yield return new ResourceId(type, match.Groups["name"].Value, null, null);
        }
    }

    private static bool IsType(string value) =>
        value.Contains('/') && !value.StartsWith('/') && value.IndexOf('.') is > 0 and var dot && dot < value.IndexOf('/');
}
