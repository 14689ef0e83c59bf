using System.Text.RegularExpressions;
using InfraLint.Core.Arm;
using InfraLint.Core.Config;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Trust;

/// <summary>
/// The deployment view of one load (an entry template and the modules it deploys): the scope and
/// environment of each template, identities, role assignments linked to principal, role and scope,
/// and the resources values point at. Built once per load; every template of the load shares it.
/// Anything InfraLint cannot evaluate stays unknown (null principal, role or scope; unknown environment).
/// </summary>
internal sealed partial class TrustModel : DeploymentInfo
{
    private const int MaxHops = 16;
    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";
    private const string UserAssignedIdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    private readonly EnvironmentClassifier classifier;
    private readonly List<CompiledTemplate> templates;
    private readonly Dictionary<CompiledTemplate, TemplateScope> scopes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResourceModel, CompiledTemplate> owners = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResourceModel, EnvironmentInfo> environments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResourceModel, IdentityInfo> userAssigned = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResourceModel, IdentityInfo> systemAssigned = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, IdentityInfo> principals = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IdentityInfo> identities = new();
    private readonly List<RoleAssignmentInfo> roleAssignments = new();
    private readonly Dictionary<ResourceModel, ScopeInfo> assignmentScopes = new(ReferenceEqualityComparer.Instance);
    private readonly List<(CompiledTemplate Template, ResourceModel Resource, RoleInfo Role)> customRoles = new();

    private readonly Deployments.DeclaredDeployment? declared;

    private TrustModel(IReadOnlyList<CompiledTemplate> templates, string? parametersFile, EnvironmentClassifier classifier, PermissionPolicy permissions,
        Deployments.DeclaredDeployment? declared)
    {
        this.templates = templates.ToList();
        this.classifier = classifier;
        this.declared = declared;
        ParametersFile = parametersFile;
        Permissions = permissions;
    }

    /// <summary>The deployment a pipeline, azd or infralint.json declares, when the load is one.</summary>
    public Deployments.DeclaredDeployment? Declared => declared;

    public override string? Name => declared?.Name;

    /// <summary>Builds the deployment of <paramref name="models"/> (entry first, as the front ends produce them) and attaches it to each.</summary>
    /// <param name="declared">The declared deployment the load is (its environment and scope), or null.</param>
    public static TrustModel? Attach(IReadOnlyList<TemplateModel> models, string? parametersFile, EnvironmentSettings settings, PermissionPolicy? permissions = null,
        Deployments.DeclaredDeployment? declared = null)
    {
        var compiled = models.OfType<CompiledTemplate>().ToList();
        if (compiled.Count == 0)
            return null;
        var model = new TrustModel(compiled, parametersFile, new EnvironmentClassifier(settings), permissions ?? PermissionPolicy.None, declared);
        model.Build();
        foreach (var template in compiled)
            template.AttachDeployment(model);
        return model;
    }

    public override TemplateModel Entry => templates[0];

    public override string? ParametersFile { get; }

    public override IReadOnlyList<TemplateModel> Templates => templates;

    public override EnvironmentInfo Environment => scopes[templates[0]].Environment;

    public override IReadOnlyList<IdentityInfo> Identities => identities;

    public override IReadOnlyList<RoleAssignmentInfo> RoleAssignments => roleAssignments;

    public override PermissionPolicy Permissions { get; }

    public override EnvironmentInfo EnvironmentOf(TemplateModel template) =>
        template is CompiledTemplate c && scopes.TryGetValue(c, out var scope) ? scope.Environment : EnvironmentInfo.Unknown;

    public override TemplateModel? TemplateOf(ResourceModel resource) => owners.GetValueOrDefault(resource);

    public override ResourceModel? DeployedBy(TemplateModel template) =>
        template is CompiledTemplate { Parent: { } parent, CallerDeployment: { } caller }
            ? parent.Resources.FirstOrDefault(r => ReferenceEquals(r.Body, caller))
            : null;

    public override EnvironmentInfo EnvironmentOf(ResourceModel resource)
    {
        if (environments.TryGetValue(resource, out var known))
            return known;
        var result = Classify(resource);
        environments[resource] = result;
        return result;
    }

    private EnvironmentInfo Classify(ResourceModel resource)
    {
        if (!owners.TryGetValue(resource, out var template))
            return EnvironmentInfo.Unknown;
        // A role assignment belongs to the environment of its scope.
        if (assignmentScopes.TryGetValue(resource, out var scope) && scope.Environment.IsKnown)
            return scope.Environment;
        if (resource.Tags is { } tags && classifier.ClassifyTags(KnownTags(template, tags)) is { } byTag)
            return byTag;
        var byName = resource.IsIn(ResourceKinds.EnvironmentDefinitions) ? EnvironmentInfo.Unknown : classifier.ClassifyName(resource.EvaluatedName, "name");
        return byName.IsKnown ? byName : scopes[template].Environment;
    }

    // The tags whose keys and values are known, even when others are not (union() with an unknown parameter).
    private static JObject? KnownTags(CompiledTemplate template, JToken tags)
    {
        if (template.Evaluate(tags).Value is JObject all)
            return all;
        if (template.ResolvePartially(tags) is not JObject partial)
            return null;
        var known = new JObject();
        foreach (var property in partial.Properties())
        {
            if (template.Evaluate(property.Value).AsString is { } value)
                known[property.Name] = value;
        }
        return known;
    }

    private void Build()
    {
        foreach (var template in templates)
        {
            scopes[template] = ScopeOf(template);
            foreach (var resource in template.Resources)
                owners[resource] = template;
        }
        CollectCustomRoles();
        CollectIdentities();
        foreach (var template in templates)
        {
            foreach (var resource in template.Resources.Where(r => !r.IsExisting && r.Is(RoleAssignmentType)))
                roleAssignments.Add(Link(template, resource));
        }
        environments.Clear(); // role assignments take their scope's environment, known only now
    }

    /// <summary>The scope a template deploys to and its environment.</summary>
    private sealed record TemplateScope(ScopeLevel Level, string? ResourceGroup, string? Subscription, EnvironmentInfo Environment);

    private TemplateScope ScopeOf(CompiledTemplate template)
    {
        var level = LevelOf(template.Template);
        if (template.Parent is not { } parent || !scopes.TryGetValue(parent, out var parentScope))
            return new TemplateScope(level, declared?.ResourceGroup, declared?.Subscription, EntryEnvironment(template));

        var caller = template.CallerDeployment;
        var rg = caller.Child("resourceGroup") is { } rgToken ? parent.Evaluate(rgToken).AsString
            : level == ScopeLevel.ResourceGroup ? parentScope.ResourceGroup : null;
        var subscription = caller.Child("subscriptionId") is { } subToken ? parent.Evaluate(subToken).AsString : parentScope.Subscription;
        var environment = classifier.ClassifySubscription(subscription);
        if (!environment.IsKnown && caller.Child("resourceGroup") is not null)
            environment = classifier.ClassifyName(rg, "resource group");
        if (!environment.IsKnown)
            environment = parentScope.Environment;
        return new TemplateScope(level, rg, subscription, environment);
    }

    // An entry template's resource group is chosen at deployment time: its parameters file and folder name it.
    private EnvironmentInfo EntryEnvironment(CompiledTemplate template)
    {
        // A declared deployment says where it goes: its job's environment, azd environment or infralint.json entry.
        if (declared is { Environment.IsKnown: true })
            return declared.Environment with { Evidence = $"deployment '{declared.Name}'" };
        if (ParametersFile is not null)
        {
            var byParameters = classifier.ClassifyName(Path.GetFileName(ParametersFile), "parameters file");
            if (byParameters.IsKnown)
                return byParameters;
        }
        var folder = Path.GetFileName(Path.GetDirectoryName(ParametersFile ?? template.FilePath));
        return classifier.ClassifyFolder(folder);
    }

    private static ScopeLevel LevelOf(JObject template)
    {
        var schema = (string?)template["$schema"] ?? string.Empty;
        if (schema.Contains("subscriptionDeploymentTemplate", StringComparison.OrdinalIgnoreCase))
            return ScopeLevel.Subscription;
        if (schema.Contains("managementGroupDeploymentTemplate", StringComparison.OrdinalIgnoreCase))
            return ScopeLevel.ManagementGroup;
        if (schema.Contains("tenantDeploymentTemplate", StringComparison.OrdinalIgnoreCase))
            return ScopeLevel.Tenant;
        return ScopeLevel.ResourceGroup;
    }

    private void CollectCustomRoles()
    {
        foreach (var template in templates)
        {
            foreach (var resource in template.Resources.Where(r => r.Is("Microsoft.Authorization/roleDefinitions")))
            {
                var actions = new List<string>();
                if (template.ResolvePartially(resource.Properties.Child("permissions") ?? new JArray()) is JArray permissions)
                {
                    foreach (var permission in permissions.OfType<JObject>())
                    {
                        foreach (var key in new[] { "actions", "dataActions" })
                        {
                            if (template.ResolvePartially(permission.Child(key) ?? new JArray()) is JArray list)
                                actions.AddRange(list.Select(a => template.Evaluate(a).AsString).OfType<string>());
                        }
                    }
                }
                var name = template.Evaluate(resource.Properties.Child("roleName")).AsString ?? resource.DisplayName;
                var role = new RoleInfo(resource.EvaluatedName ?? resource.DisplayName, name, RoleCatalog.Classify(actions),
                    actions.Any(RoleCatalog.IsPrivilegedAction), actions.Any(a => a.StartsWith("Microsoft.CognitiveServices/", StringComparison.OrdinalIgnoreCase) && a.Contains("/OpenAI/", StringComparison.OrdinalIgnoreCase)),
                    IsCustom: true);
                customRoles.Add((template, resource, role));
            }
        }
    }

    private void CollectIdentities()
    {
        foreach (var template in templates)
        {
            foreach (var resource in template.Resources)
            {
                if (resource.Is(UserAssignedIdentityType))
                    UserAssignedIdentity(resource);
                if (!resource.IsExisting && HasSystemIdentity(template, resource))
                {
                    var name = (resource.EvaluatedName ?? resource.DisplayName) + " (system-assigned)";
                    var identity = new IdentityInfo(name, IdentityKind.SystemAssigned, EnvironmentOf(resource), isWorkload: true, resource, template);
                    identity.AttachTo(resource);
                    systemAssigned[resource] = identity;
                    identities.Add(identity);
                }
            }
        }
        // Who runs as which user-assigned identity: the keys of identity.userAssignedIdentities.
        foreach (var template in templates)
        {
            foreach (var resource in template.Resources.Where(r => !r.IsExisting && r.Identity is not null))
            {
                // Only what is known to be attached: an identity behind an unknown condition is not guessed at.
                if (template.Resolve(resource.Identity!) is not JObject identity ||
                    template.Resolve(identity["userAssignedIdentities"] ?? new JObject()) is not JObject assigned)
                    continue;
                foreach (var key in assigned.Properties())
                {
                    if (FindResource(template, key.Name, 0) is { } uami && uami.Is(UserAssignedIdentityType))
                        UserAssignedIdentity(uami).AttachTo(resource);
                }
            }
        }
    }

    private IdentityInfo UserAssignedIdentity(ResourceModel resource)
    {
        if (userAssigned.TryGetValue(resource, out var known))
            return known;
        var template = owners[resource];
        var name = resource.EvaluatedName ?? resource.DisplayName;
        var configured = classifier.ClassifyPrincipal(null, name);
        var identity = new IdentityInfo(name, IdentityKind.UserAssigned, configured.IsKnown ? configured : EnvironmentOf(resource),
            isWorkload: true, resource, template);
        userAssigned[resource] = identity;
        identities.Add(identity);
        return identity;
    }

    private static bool HasSystemIdentity(CompiledTemplate template, ResourceModel resource)
    {
        if (resource.Identity is null || template.ResolvePartially(resource.Identity) is not JObject identity)
            return false;
        return template.Evaluate(identity["type"]).AsString is { } type && type.Contains("SystemAssigned", StringComparison.OrdinalIgnoreCase);
    }

    private RoleAssignmentInfo Link(CompiledTemplate template, ResourceModel resource)
    {
        var properties = template.ResolvePartially(resource.Properties ?? new JObject()) as JObject ?? new JObject();
        var principalType = template.Evaluate(properties["principalType"]).AsString;
        var principal = ResolvePrincipal(template, properties["principalId"], principalType, 0);
        // Findings point at the properties as written (their keys); the resolved copy only serves evaluation.
        var roleProperty = (resource.Properties as JObject)?.Property("roleDefinitionId", StringComparison.OrdinalIgnoreCase)
            ?? properties.Property("roleDefinitionId", StringComparison.OrdinalIgnoreCase);
        var role = roleProperty is null ? null : ResolveRole(template, roleProperty.Value, 0);
        var scopeProperty = resource.Body.Property("scope", StringComparison.OrdinalIgnoreCase);
        var scope = ResolveScope(template, scopeProperty?.Value);
        if (scope is not null)
            assignmentScopes[resource] = scope;
        return new RoleAssignmentInfo(template, resource, principal, role, scope, roleProperty, scopeProperty, principalType);
    }
}
