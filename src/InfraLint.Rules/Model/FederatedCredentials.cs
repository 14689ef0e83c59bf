using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>
/// A federated identity credential of a user-assigned identity: an outside token issuer (a CI system, a
/// Kubernetes cluster) whose tokens with a matching subject are exchanged for the identity's tokens.
/// </summary>
/// <param name="Resource">The <c>federatedIdentityCredentials</c> resource.</param>
/// <param name="Identity">The identity it belongs to; null when its parent cannot be told.</param>
/// <param name="Issuer">The issuer URL when known.</param>
/// <param name="Subject">The exact subject, or the subject patterns of a flexible credential's <c>claimsMatchingExpression</c>, or
/// the written parts of a subject built from parameters with '…' for each unknown part; empty when unknown.</param>
/// <param name="Anchor">Where findings point: the <c>subject</c> (or <c>claimsMatchingExpression</c>) property, else the resource.</param>
internal sealed record FederatedCredential(ResourceModel Resource, IdentityInfo? Identity, string? Issuer, IReadOnlyList<string> Subject, JToken? Anchor)
{
    /// <summary>The credential's name (its last name segment) for messages.</summary>
    public string Name => Resource.EvaluatedName?.Split('/')[^1] ?? Resource.DisplayName;

    /// <summary>
    /// True for a Kubernetes service account (AKS workload identity): the pods that use it are the runtime
    /// workload itself, not a pipeline.
    /// </summary>
    public bool IsKubernetes { get; init; }

    /// <summary>The system whose tokens it accepts, for messages; null when neither issuer nor subject is known.</summary>
    public string? System
    {
        get
        {
            var issuer = Issuer ?? string.Empty;
            var subject = Subject.FirstOrDefault() ?? string.Empty;
            if (issuer.Contains("token.actions.githubusercontent.com", StringComparison.OrdinalIgnoreCase) || subject.StartsWith("repo:", StringComparison.Ordinal))
                return "GitHub Actions";
            if (issuer.Contains("vstoken.dev.azure.com", StringComparison.OrdinalIgnoreCase) || issuer.Contains("vstoken.visualstudio.com", StringComparison.OrdinalIgnoreCase) ||
                subject.StartsWith("sc://", StringComparison.Ordinal) || subject.StartsWith("/eid1/", StringComparison.Ordinal))
                return "Azure DevOps";
            if (issuer.Contains("gitlab", StringComparison.OrdinalIgnoreCase) || subject.StartsWith("project_path:", StringComparison.Ordinal))
                return "GitLab CI";
            if (Issuer is not null)
                return $"the issuer '{Issuer}'";
            return Subject.Count > 0 ? "an outside token issuer" : null;
        }
    }
}

/// <summary>Finds the federated identity credentials of a template and the identities they belong to.</summary>
internal static partial class FederatedCredentials
{
    private const string Type = "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";
    private const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    public static IEnumerable<FederatedCredential> Of(TemplateModel template)
    {
        if (template.Deployment is not { } deployment)
            yield break;
        foreach (var resource in template.Resources.Where(r => !r.IsExisting && r.Is(Type)))
        {
            var properties = template.ResolvePartially(resource.Properties ?? new JObject()) as JObject ?? new JObject();
            var issuer = template.Evaluate(properties.Child("issuer")).AsString;
            var written = resource.Properties as JObject;
            var expression = properties.Child("claimsMatchingExpression") is { } claims
                ? template.Evaluate(claims.Child("value") ?? claims).AsString
                : null;
            var subjectValue = template.Evaluate(properties.Child("subject"));
            IReadOnlyList<string> subject = expression is not null ? SubjectPatterns(expression)
                : subjectValue.AsString is { } s ? [s]
                : Written(subjectValue) is { } partial ? [partial]
                : [];
            var anchor = (JToken?)written?.Property("claimsMatchingExpression", StringComparison.OrdinalIgnoreCase)
                ?? written?.Property("subject", StringComparison.OrdinalIgnoreCase);
            var kubernetes = subject.Any(s => s.StartsWith("system:serviceaccount:", StringComparison.Ordinal)) ||
                (issuer?.Contains(".oic.prod-aks.azure.com", StringComparison.OrdinalIgnoreCase) ?? false) ||
                (properties.Child("issuer") is { } issuerToken && deployment.References(template, issuerToken)
                    .Any(r => string.Equals(r.Type, "Microsoft.ContainerService/managedClusters", StringComparison.OrdinalIgnoreCase)));
            yield return new FederatedCredential(resource, Parent(template, deployment, resource), issuer, subject, anchor) { IsKubernetes = kubernetes };
        }
    }

    // The parent is the first name segment: 'id-app/github' (or format('{0}/{1}', parameters('name'), …)).
    private static IdentityInfo? Parent(TemplateModel template, DeploymentInfo deployment, ResourceModel credential)
    {
        if (template.NameSegments(credential) is not { Count: 2 } segments)
            return null;
        var parent = segments[0];
        var identities = deployment.Identities.Where(i => i is { Kind: IdentityKind.UserAssigned, Resource: not null }).ToList();
        return identities.FirstOrDefault(i => ReferenceEquals(i.Template, template) && i.Resource!.Is(IdentityType) &&
                   template.NameSegments(i.Resource) is [var own] && string.Equals(own, parent, StringComparison.OrdinalIgnoreCase))
            ?? identities.FirstOrDefault(i => string.Equals(i.Resource!.EvaluatedName, parent, StringComparison.OrdinalIgnoreCase));
    }

    // A subject built from parameters ('repo:${repo}:pull_request', format() or concat() in JSON): what is written of it,
    // each unknown part as '…'. A pull_request suffix or a Kubernetes service-account prefix is then still seen.
    private static string? Written(TemplateValue value)
    {
        if (value.IsKnown)
            return null;
        if (value.Calls("format") && value.Literals.FirstOrDefault(l => Placeholder().IsMatch(l)) is { } format)
            return Placeholder().Replace(format, "…");
        return value.Calls("concat") && value.Literals.Count > 0 ? string.Join("…", value.Literals) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant, 200)]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    // claims['sub'] matches 'repo:contoso/app:ref:refs/heads/*' (and eq, or/and combinations): the quoted patterns.
    private static List<string> SubjectPatterns(string expression)
    {
        var patterns = new List<string>();
        var i = 0;
        while (i < expression.Length && patterns.Count < 32)
        {
            var at = expression.IndexOf("'sub'", i, StringComparison.Ordinal);
            if (at < 0)
                break;
            var open = expression.IndexOf('\'', at + 5);
            var close = open < 0 ? -1 : expression.IndexOf('\'', open + 1);
            if (close < 0)
                break;
            patterns.Add(expression[(open + 1)..close]);
            i = close + 1;
        }
        return patterns;
    }
}
