using System.Text.RegularExpressions;
using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.AI;

// A gateway that calls the model with a key turns one secret into the master credential for every
// app behind it: whoever reads the key (from the gateway, a named value or Key Vault) calls the model
// directly, around every limit and log of the gateway. With its managed identity and a data role on
// the account, the gateway holds nothing that can leak, and the account can turn keys off.
public sealed partial class GatewayKeyAuthenticationRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA5004",
        Title: "AI gateway authenticates to the model endpoint with a key instead of a managed identity",
        MessageFormat: "{0}: the gateway calls the Azure OpenAI / AI Services endpoint with a key ({1}); authenticate with the gateway's managed identity (authentication-managed-identity) and a Cognitive Services OpenAI User role instead",
        Category: RuleCategory.AI,
        DefaultSeverity: Severity.Warning,
        Description: "An API Management gateway in front of Azure OpenAI or AI Services passes a key to the model endpoint (a backend api-key credential header, a set-header policy, or a named value holding the account's key) instead of using its managed identity.");

    // Headers Azure OpenAI and AI Services accept a key in.
    private static readonly string[] KeyHeaders = ["api-key", "Ocp-Apim-Subscription-Key"];

    private const string AccountType = "Microsoft.CognitiveServices/accounts";

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        var gateway = ApiGateway.Of(template);
        foreach (var backend in gateway.Backends.Where(b => !b.IsExisting && gateway.IsModelBackend(b)))
            CheckBackend(template, report, gateway, backend);
        foreach (var (policy, service) in PoliciesBeforeModels(gateway))
            CheckPolicy(template, report, gateway, policy, service);
        foreach (var (resource, _, name) in gateway.NamedValues.Where(n => !n.Resource.IsExisting))
        {
            var properties = ApiGateway.PropertiesOf(template, resource);
            if (properties?.Property("value", StringComparison.OrdinalIgnoreCase) is { } value && ListedKeys.In(template, value.Value) is var (function, listed)
                && ListedKeys.TargetTypes(template, value.Value, listed).Any(t => t.StartsWith(AccountType, StringComparison.OrdinalIgnoreCase)))
                report.ReportAt(Descriptor, resource, value, $"Named value '{name}'", $"it holds {function}() of the AI account");
        }
    }

    private static void CheckBackend(TemplateModel template, FindingSink report, ApiGateway gateway, ResourceModel backend)
    {
        if (ApiGateway.PropertiesOf(template, backend).Child("credentials") is not { } credentials)
            return;
        var name = gateway.Name(backend)!;
        var header = template.ResolvePartially(credentials).Child("header") is { } h ? template.ResolvePartially(h) as JObject : null;
        // Credentials passed whole into a module: their header entries are known values, reported at the property that takes them.
        var passedIn = header is null;
        header ??= template.Evaluate(credentials).Value.Child("header") as JObject;
        foreach (var entry in header?.Properties().Where(p => KeyHeaders.Contains(p.Name, StringComparer.OrdinalIgnoreCase)) ?? [])
        {
            var values = template.Evaluate(entry.Value).Value is JArray known ? known.Select(v => (string?)v ?? string.Empty) : [];
            report.ReportAt(Descriptor, backend, passedIn ? credentials.Parent ?? credentials : entry, $"Backend '{name[1]}'",
                KeyCarrier(template, gateway, name[0], entry.Name + " header", values));
        }
    }

    private static void CheckPolicy(TemplateModel template, FindingSink report, ApiGateway gateway, GatewayPolicy policy, string service)
    {
        if (policy.Document is null || policy.Value is null)
            return;
        // A header set on a side request (send-request) or on the response goes elsewhere than the model.
        foreach (var setHeader in PolicyXml.Elements(policy.Document, "set-header")
            .Where(e => !e.Ancestors().Any(a => a.Name.LocalName is "send-request" or "send-one-way-request" or "outbound" or "on-error")))
        {
            var header = PolicyXml.Attribute(setHeader, "name");
            if (header is null || !KeyHeaders.Contains(header, StringComparer.OrdinalIgnoreCase)
                || string.Equals(PolicyXml.Attribute(setHeader, "exists-action"), "delete", StringComparison.OrdinalIgnoreCase))
                continue;
            var how = KeyCarrier(template, gateway, service, $"set-header {header}", setHeader.Elements().Select(e => e.Value));
            var owner = $"Policy '{policy.Resource.DisplayName}'";
            if (policy.LocationOf(setHeader) is { } inFile)
                report.ReportAt(Descriptor, policy.Resource, inFile, policy.Value, owner, how);
            else
                report.ReportAt(Descriptor, policy.Resource, policy.Value, owner, how);
        }
    }

    // Policies that run for a model API: its own, its products', and its service's.
    private static IEnumerable<(GatewayPolicy Policy, string Service)> PoliciesBeforeModels(ApiGateway gateway)
    {
        var modelApis = gateway.Apis.Where(gateway.IsModelApi).ToList();
        foreach (var api in modelApis)
        {
            foreach (var policy in api.OwnPolicies)
                yield return (policy, api.Service);
        }
        foreach (var (service, product, policy) in gateway.ProductPolicies)
        {
            if (modelApis.Any(a => string.Equals(a.Service, service, StringComparison.OrdinalIgnoreCase) && gateway.ProductsOf(a).Contains(product, StringComparer.OrdinalIgnoreCase)))
                yield return (policy, service);
        }
        foreach (var (service, policy) in gateway.ServicePolicies.Where(p => gateway.HasModelApi(p.Service)))
            yield return (policy, service);
    }

    // Names the named value the key comes from; a Key Vault-backed one is still a key.
    private static string KeyCarrier(TemplateModel template, ApiGateway gateway, string service, string carrier, IEnumerable<string> values)
    {
        var reference = values.Select(v => NamedValueReference().Match(v)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim();
        if (reference is null)
            return carrier;
        var namedValue = gateway.NamedValues.FirstOrDefault(n => string.Equals(n.Service, service, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(n.Name, reference, StringComparison.OrdinalIgnoreCase)
                || string.Equals(template.Evaluate(ApiGateway.PropertiesOf(template, n.Resource).Child("displayName")).AsString, reference, StringComparison.OrdinalIgnoreCase)));
        var inKeyVault = namedValue.Resource is not null && ApiGateway.PropertiesOf(template, namedValue.Resource).Child("keyVault") is { } keyVault
            && template.Evaluate(keyVault).Value is not JValue { Type: JTokenType.Null };
        return inKeyVault
            ? $"{carrier} from named value '{reference}', a Key Vault secret: a key in Key Vault is still a key"
            : $"{carrier} from named value '{reference}'";
    }

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex NamedValueReference();
}
