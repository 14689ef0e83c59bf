using System.Text.RegularExpressions;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>One grant that lets an identity read a Key Vault's secrets.</summary>
/// <param name="Vault">Which vault: its name (lower case) or, when the name is computed, where it is declared.</param>
/// <param name="VaultName">The vault's name for messages.</param>
/// <param name="Template">The template that writes the grant.</param>
/// <param name="Owner">The resource the finding belongs to: the role assignment, or the vault or access policy resource.</param>
/// <param name="Anchor">Where the finding points: null for a role assignment (its declaration), the entry's <c>objectId</c> for an access policy.</param>
/// <param name="Reader">The identity that can read.</param>
/// <param name="How">For messages: <c>'Key Vault Secrets User'</c> or <c>an access policy with get on secrets</c>.</param>
internal sealed record SecretReadGrant(string Vault, string VaultName, TemplateModel Template, ResourceModel Owner, JToken? Anchor, IdentityInfo Reader, string How);

/// <summary>
/// Who can read which Key Vault's secrets in a deployment: role assignments of Key Vault Secrets User, Secrets
/// Officer or Administrator (or a custom role with secret read data actions) on the vault, one of its secrets or
/// the resource group that holds it, and access policies that give <c>get</c> on secrets.
/// </summary>
internal static class SecretReaders
{
    private const string VaultType = "Microsoft.KeyVault/vaults";
    private const string GetSecret = "Microsoft.KeyVault/vaults/secrets/getSecret/action";

    // Key Vault Secrets User, Key Vault Secrets Officer, Key Vault Administrator.
    private static readonly HashSet<string> ReaderRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "4633458b-17de-408a-b874-0445c86b69e6", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "00482a5a-887f-4fb3-b363-3b7fe8e74483",
    };

    /// <summary>Every grant of the deployment, in template order, then source order.</summary>
    public static IReadOnlyList<SecretReadGrant> Of(DeploymentInfo deployment)
    {
        var grants = new List<SecretReadGrant>();
        foreach (var assignment in deployment.RoleAssignments)
        {
            if (assignment is not { Principal: { } principal, Role: { } role, Scope: { } scope } || !ReadsSecrets(deployment, role))
                continue;
            foreach (var (vault, name) in Vaults(deployment, assignment.Template, scope))
                grants.Add(new SecretReadGrant(vault, name, assignment.Template, assignment.Resource, null, Canonical(deployment, principal), $"'{role.Name}'"));
        }
        foreach (var template in deployment.Templates)
            grants.AddRange(AccessPolicies(deployment, template));
        return grants
            .OrderBy(g => deployment.Templates.ToList().IndexOf(g.Template))
            .ThenBy(g => g.Anchor is { } a ? g.Template.Locate(a).Line : g.Owner.Declaration.Line)
            .ToList();
    }

    /// <summary>The key of a vault resource: its name when known, else where it is declared.</summary>
    public static string Key(ResourceModel vault) =>
        vault.EvaluatedName is { } name ? "name:" + name.ToLowerInvariant() : $"at:{vault.Declaration.FilePath}:{vault.Declaration.Line}";

    private static bool ReadsSecrets(DeploymentInfo deployment, RoleInfo role)
    {
        if (ReaderRoles.Contains(role.Id))
            return true;
        if (!role.IsCustom)
            return false;
        // A custom role of this deployment: its data actions say whether it reads secret values.
        foreach (var template in deployment.Templates)
        {
            foreach (var definition in template.Resources.Where(r => r.Is("Microsoft.Authorization/roleDefinitions") &&
                         string.Equals(r.EvaluatedName ?? r.DisplayName, role.Id, StringComparison.OrdinalIgnoreCase)))
            {
                var permissions = template.ResolvePartially(definition.Properties.Child("permissions") ?? new JArray()) as JArray ?? [];
                foreach (var permission in permissions.OfType<JObject>())
                {
                    if (Actions(template, permission, "dataActions").Any(a => Covers(a, GetSecret)) &&
                        !Actions(template, permission, "notDataActions").Any(a => Covers(a, GetSecret)))
                        return true;
                }
            }
        }
        return false;
    }

    private static IEnumerable<string> Actions(TemplateModel template, JObject permission, string key) =>
        template.ResolvePartially(permission.Child(key) ?? new JArray()) is JArray list
            ? list.Select(a => template.Evaluate(a).AsString).OfType<string>()
            : [];

    private static bool Covers(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    // The vault, the vault of a secret, or the vaults a resource-group grant covers (those its own template declares).
    private static IEnumerable<(string Key, string Name)> Vaults(DeploymentInfo deployment, TemplateModel template, ScopeInfo scope)
    {
        if (scope.Level == ScopeLevel.Resource && scope.ResourceType is { } type)
        {
            if (type.Equals(VaultType, StringComparison.OrdinalIgnoreCase))
            {
                if (scope.Resource is { } vault)
                    yield return (Key(vault), Name(vault));
                else if (scope.Name is { } name)
                    yield return ("name:" + name.ToLowerInvariant(), name);
            }
            else if (type.Equals(VaultType + "/secrets", StringComparison.OrdinalIgnoreCase) && scope.Name?.Split('/')[0] is { Length: > 0 } parent)
            {
                yield return ("name:" + parent.ToLowerInvariant(), parent);
            }
            yield break;
        }
        if (scope is { Level: ScopeLevel.ResourceGroup, Name: null })
        {
            foreach (var vault in template.Resources.Where(r => !r.IsExisting && r.Is(VaultType)))
                yield return (Key(vault), Name(vault));
        }
    }

    private static IEnumerable<SecretReadGrant> AccessPolicies(DeploymentInfo deployment, TemplateModel template)
    {
        foreach (var resource in template.Resources.Where(r => !r.IsExisting))
        {
            string key, name;
            if (resource.Is(VaultType))
            {
                (key, name) = (Key(resource), Name(resource));
            }
            else if (resource.Is(VaultType + "/accessPolicies") && template.NameSegments(resource) is [var parent, _] && !parent.Contains('(', StringComparison.Ordinal))
            {
                (key, name) = ("name:" + parent.ToLowerInvariant(), parent);
            }
            else
            {
                continue;
            }
            if (template.ResolvePartially(resource.Properties.Child("accessPolicies") ?? new JArray()) is not JArray policies)
                continue;
            foreach (var policy in policies.OfType<JObject>())
            {
                if (!GetsSecrets(template, policy) || policy.Property("objectId", StringComparison.OrdinalIgnoreCase) is not { } objectId ||
                    Principal(deployment, template, objectId.Value) is not { } reader)
                    continue;
                yield return new SecretReadGrant(key, name, template, resource, objectId, reader, "an access policy with get on secrets");
            }
        }
    }

    private static bool GetsSecrets(TemplateModel template, JObject policy)
    {
        var secrets = template.ResolvePartially(policy.Child("permissions") ?? new JObject()).Child("secrets");
        if (secrets is null || template.ResolvePartially(secrets) is not JArray list)
            return false;
        return list.Select(p => template.Evaluate(p).AsString).Any(p => p is not null &&
            (p.Equals("get", StringComparison.OrdinalIgnoreCase) || p.Equals("all", StringComparison.OrdinalIgnoreCase)));
    }

    // The identity an access policy's objectId names: a user-assigned identity's or a resource's system identity's
    // principalId, or a principal the deployment's role assignments also name. Anything else is not guessed at.
    private static IdentityInfo? Principal(DeploymentInfo deployment, TemplateModel template, JToken objectId)
    {
        if (template.Evaluate(objectId).AsString is { } literal)
            return deployment.Identities.FirstOrDefault(i => string.Equals(i.PrincipalId, literal, StringComparison.OrdinalIgnoreCase));
        foreach (var reference in deployment.References(template, objectId))
        {
            if (reference.Resource is not { } resource)
                continue;
            var identity = resource.Is("Microsoft.ManagedIdentity/userAssignedIdentities")
                ? deployment.Identities.FirstOrDefault(i => i.Kind == IdentityKind.UserAssigned && ReferenceEquals(i.Resource, resource))
                : deployment.Identities.FirstOrDefault(i => i.Kind == IdentityKind.SystemAssigned && ReferenceEquals(i.Resource, resource));
            if (identity is not null)
                return Canonical(deployment, identity);
        }
        return null;
    }

    // A declared identity and an 'existing' reference to it are one reader.
    private static IdentityInfo Canonical(DeploymentInfo deployment, IdentityInfo identity) =>
        RoleAssignments.SameIdentity(deployment, identity).OrderBy(i => i.Resource?.IsExisting == true).First();

    private static string Name(ResourceModel vault) => vault.EvaluatedName ?? vault.DisplayName;
}
