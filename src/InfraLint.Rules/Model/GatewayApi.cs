using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>An API of API Management (<c>Microsoft.ApiManagement/service/apis</c>).</summary>
/// <param name="Resource">The API resource.</param>
/// <param name="Service">The name (or naming expression) of its service.</param>
/// <param name="Name">Its own name (or naming expression).</param>
/// <param name="Policies">Its API-scope policies.</param>
/// <param name="OperationPolicies">The policies of its operations.</param>
internal sealed record GatewayApi(ResourceModel Resource, string Service, string Name,
    IReadOnlyList<GatewayPolicy> Policies, IReadOnlyList<GatewayPolicy> OperationPolicies)
{
    /// <summary>Its policies at API and operation scope.</summary>
    public IEnumerable<GatewayPolicy> OwnPolicies => Policies.Concat(OperationPolicies);
}
