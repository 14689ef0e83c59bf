using System.Xml.Linq;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>
/// The API Management resources of one template, joined by name: services, APIs, backends, named values,
/// products and the policies at each scope, and which APIs front an Azure OpenAI / AI Services endpoint.
/// Children are matched to their parents by the segments of their names (<c>service/api/policy</c>).
/// </summary>
internal sealed class ApiGateway
{
    private const string Prefix = "Microsoft.ApiManagement/service";
    private const int MaxFragmentDepth = 8;

    private readonly List<(ResourceModel Resource, IReadOnlyList<string> Name)> resources;
    private readonly Dictionary<(string Service, string Name), GatewayPolicy> fragments = new(new KeyComparer());
    private readonly HashSet<(string Service, string Name)> modelBackends = new(new KeyComparer());
    private readonly HashSet<(string Service, string Name)> modelApis = new(new KeyComparer());

    private ApiGateway(TemplateModel template)
    {
        resources = template.Resources
            .Where(r => r.Type.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .Select(r => (Resource: r, Name: template.NameSegments(r)))
            .Where(e => e.Name is not null)
            .Select(e => (e.Resource, (IReadOnlyList<string>)e.Name!))
            .ToList();

        foreach (var (resource, name) in Of("policyFragments", 2))
            fragments[(name[0], name[1])] = ReadPolicy(template, resource);

        Backends = Of("backends", 2).Select(e => e.Resource).ToList();
        MarkModelBackends(template);

        Apis = Of("apis", 2).Select(e => new GatewayApi(e.Resource, e.Name[0], e.Name[1],
                Of("apis/policies", 3).Where(p => Same(p.Name[0], e.Name[0]) && Same(p.Name[1], e.Name[1])).Select(p => ReadPolicy(template, p.Resource)).ToList(),
                Of("apis/operations/policies", 4).Where(p => Same(p.Name[0], e.Name[0]) && Same(p.Name[1], e.Name[1])).Select(p => ReadPolicy(template, p.Resource)).ToList()))
            .ToList();
        foreach (var api in Apis.Where(a => IsModelApi(template, a)))
            modelApis.Add((api.Service, api.Name));
        ServicePolicies = Of("policies", 2).Select(e => (e.Name[0], ReadPolicy(template, e.Resource))).ToList();
        ProductPolicies = Of("products/policies", 3).Select(e => (e.Name[0], e.Name[1], ReadPolicy(template, e.Resource))).ToList();
        ProductApis = ReadProductApis(template);
    }

    /// <summary>The API Management resources of <paramref name="template"/>.</summary>
    public static ApiGateway Of(TemplateModel template) => new(template);

    public IReadOnlyList<GatewayApi> Apis { get; }

    public IReadOnlyList<ResourceModel> Backends { get; }

    /// <summary>Service-scope (global) policies, with their service.</summary>
    public IReadOnlyList<(string Service, GatewayPolicy Policy)> ServicePolicies { get; }

    /// <summary>Product-scope policies, with their service and product.</summary>
    public IReadOnlyList<(string Service, string Product, GatewayPolicy Policy)> ProductPolicies { get; }

    /// <summary>Which product holds which API (<c>products/apis</c>, <c>products/apiLinks</c>).</summary>
    private IReadOnlyList<(string Service, string Product, string Api)> ProductApis { get; }

    /// <summary>The named values, with their service and name.</summary>
    public IEnumerable<(ResourceModel Resource, string Service, string Name)> NamedValues =>
        Of("namedValues", 2).Select(e => (e.Resource, e.Name[0], e.Name[1]));

    /// <summary>True when the API's backend is an Azure OpenAI / AI Services endpoint.</summary>
    public bool IsModelApi(GatewayApi api) => modelApis.Contains((api.Service, api.Name));

    /// <summary>True when the backend's URL (or a member of its pool) is an Azure OpenAI / AI Services endpoint.</summary>
    public bool IsModelBackend(ResourceModel backend) =>
        Name(backend) is { Count: 2 } name && modelBackends.Contains((name[0], name[1]));

    /// <summary>True when the template deploys (not only references) the API Management service named <paramref name="service"/>.</summary>
    public bool DeploysService(string service) =>
        Of(string.Empty, 1).Any(e => !e.Resource.IsExisting && Same(e.Name[0], service));

    /// <summary>The products of the service that hold <paramref name="api"/>.</summary>
    public IEnumerable<string> ProductsOf(GatewayApi api) =>
        ProductApis.Where(p => Same(p.Service, api.Service) && Same(p.Api, api.Name)).Select(p => p.Product);

    /// <summary>True when the service has an API that fronts a model.</summary>
    public bool HasModelApi(string service) => modelApis.Any(k => Same(k.Service, service));

    /// <summary>The segments of the resource's name, when it is an API Management resource.</summary>
    public IReadOnlyList<string>? Name(ResourceModel resource) =>
        resources.FirstOrDefault(e => ReferenceEquals(e.Resource, resource)).Name;

    /// <summary>
    /// Whether the policy has one of <paramref name="elements"/>, also in the fragments it includes:
    /// null when that cannot be known (a policy or fragment InfraLint cannot read).
    /// </summary>
    public bool? Contains(GatewayPolicy policy, string service, string[] elements, int depth = 0)
    {
        if (policy.Document is not { } document || depth > MaxFragmentDepth)
            return null;
        if (PolicyXml.Elements(document, elements).Any())
            return true;
        bool? result = false;
        foreach (var include in PolicyXml.Elements(document, "include-fragment"))
        {
            var id = PolicyXml.Attribute(include, "fragment-id");
            var found = id is not null && fragments.TryGetValue((service, id), out var fragment) ? Contains(fragment, service, elements, depth + 1) : null;
            if (found == true)
                return true;
            if (found is null)
                result = null;
        }
        return result;
    }

    /// <summary>The most that is known of a set of answers: true if one is true, else unknown if one is unknown.</summary>
    public static bool? Any(IEnumerable<bool?> answers)
    {
        bool? result = false;
        foreach (var answer in answers)
        {
            if (answer == true)
                return true;
            if (answer is null)
                result = null;
        }
        return result;
    }

    private IEnumerable<(ResourceModel Resource, IReadOnlyList<string> Name)> Of(string childType, int segments)
    {
        var type = childType.Length == 0 ? Prefix : Prefix + "/" + childType;
        return resources.Where(e => e.Resource.Is(type) && e.Name.Count == segments);
    }

    /// <summary>
    /// The resource's <c>properties</c> as far as the template writes them, also when they are built by spreads
    /// and conditions (AVM modules: <c>...(type == 'Single' ? { url: url } : { pool: pool })</c>).
    /// </summary>
    public static JObject? PropertiesOf(TemplateModel template, ResourceModel resource) =>
        resource.Properties is null ? null : template.ResolvePartially(resource.Properties) as JObject;

    private static GatewayPolicy ReadPolicy(TemplateModel template, ResourceModel resource)
    {
        var properties = PropertiesOf(template, resource);
        var value = properties?.Property("value", StringComparison.OrdinalIgnoreCase);
        if (value is null)
            return new GatewayPolicy(resource, null, null, null);
        var format = properties!.Property("format", StringComparison.OrdinalIgnoreCase) is { } f ? template.Evaluate(f.Value).AsString : "xml";
        if (format is not null && format.EndsWith("-link", StringComparison.OrdinalIgnoreCase))
            return new GatewayPolicy(resource, value, null, null); // the policy is at a URL, not in the template
        if (template.Evaluate(value.Value).AsString is not { } text)
            return new GatewayPolicy(resource, value, null, null);
        return new GatewayPolicy(resource, value, PolicyXml.Parse(text), template.LoadedFileOf(new JValue(text)));
    }

    // A backend fronts a model when its URL is a model endpoint, or when it is a pool with such a backend in it.
    private void MarkModelBackends(TemplateModel template)
    {
        var pools = new List<((string, string) Key, JArray Members)>();
        foreach (var backend in Backends)
        {
            var name = Name(backend)!;
            var properties = PropertiesOf(template, backend);
            if (ModelEndpoints.Is(template, properties.Child("url")))
                modelBackends.Add((name[0], name[1]));
            else if (template.ResolvePartially(properties.Child("pool").Child("services") ?? new JArray()) is JArray members)
                pools.Add(((name[0], name[1]), members));
        }
        foreach (var (key, members) in pools)
        {
            var ids = members.Select(m => template.Evaluate(template.ResolvePartially(m).Child("id")));
            if (ids.Any(id => (id.AsString is { } known ? [known.Split('/')[^1]] : id.Literals).Any(l => modelBackends.Contains((key.Item1, l)))))
                modelBackends.Add(key);
        }
    }

    // serviceUrl on a model endpoint, or a policy that routes to one (set-backend-service base-url or backend-id).
    private bool IsModelApi(TemplateModel template, GatewayApi api)
    {
        if (ModelEndpoints.Is(template, PropertiesOf(template, api.Resource).Child("serviceUrl")))
            return true;
        return api.OwnPolicies.Where(p => p.Document is not null)
            .SelectMany(p => PolicyXml.Elements(p.Document!, "set-backend-service"))
            .Any(e => PolicyXml.Attribute(e, "base-url") is { } url && ModelEndpoints.IsModelUrl(url)
                || PolicyXml.Attribute(e, "backend-id") is { } id && modelBackends.Contains((api.Service, id)));
    }

    private List<(string Service, string Product, string Api)> ReadProductApis(TemplateModel template)
    {
        var links = Of("products/apis", 3).Select(e => (e.Name[0], e.Name[1], e.Name[2])).ToList();
        foreach (var (resource, name) in Of("products/apiLinks", 3))
        {
            var id = template.Evaluate(PropertiesOf(template, resource).Child("apiId"));
            var apis = id.AsString is { } known ? [known.Split('/')[^1]] : id.Literals;
            links.AddRange(Apis.Where(a => Same(a.Service, name[0]) && apis.Any(l => Same(l, a.Name))).Select(a => (name[0], name[1], a.Name)));
        }
        return links;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed class KeyComparer : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) => Same(x.Item1, y.Item1) && Same(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2));
    }
}
