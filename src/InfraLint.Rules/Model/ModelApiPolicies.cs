using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>Checks whether the policies that run for a model API on the gateway have a given policy, at any scope.</summary>
internal static class ModelApiPolicies
{
    /// <summary>
    /// The model APIs of the template that are known to have none of <paramref name="elements"/> at API (or
    /// operation), product or service scope. An API on a service this template does not deploy is left out,
    /// unless its own policy replaces the outer ones: the service's policy is not in the template. So is one
    /// with a policy InfraLint cannot read.
    /// </summary>
    public static IEnumerable<GatewayApi> Without(ApiGateway gateway, params string[] elements) =>
        gateway.Apis.Where(a => !a.Resource.IsExisting && gateway.IsModelApi(a) && Has(gateway, a, elements) == false);

    /// <summary>Reports <paramref name="descriptor"/> for <paramref name="api"/>: at its policy's <c>value</c> line when it has one, else at the API.</summary>
    public static void Report(FindingSink report, RuleDescriptor descriptor, GatewayApi api)
    {
        if (api.Policies.FirstOrDefault(p => p.Value is not null) is { } policy)
            report.ReportAt(descriptor, policy.Resource, policy.Value!, api.Resource.DisplayName);
        else
            report.Report(descriptor, api.Resource, api.Resource.DisplayName);
    }

    private static bool? Has(ApiGateway gateway, GatewayApi api, string[] elements)
    {
        var own = ApiGateway.Any(api.OwnPolicies.Select(p => gateway.Contains(p, api.Service, elements)));
        if (own != false)
            return own;
        // An API policy whose inbound section has no <base /> replaces the product and service policies.
        if (api.Policies.Any(p => !PolicyXml.InheritsInbound(p.Document!)))
            return false;
        if (!gateway.DeploysService(api.Service))
            return null;
        var products = gateway.ProductsOf(api).ToList();
        var outer = gateway.ProductPolicies
            .Where(p => string.Equals(p.Service, api.Service, StringComparison.OrdinalIgnoreCase) && products.Contains(p.Product, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Policy)
            .Concat(gateway.ServicePolicies.Where(p => string.Equals(p.Service, api.Service, StringComparison.OrdinalIgnoreCase)).Select(p => p.Policy));
        return ApiGateway.Any(outer.Select(p => gateway.Contains(p, api.Service, elements)));
    }
}
