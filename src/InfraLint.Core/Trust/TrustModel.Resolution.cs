using System.Text.RegularExpressions;
using InfraLint.Core.Arm;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Trust;

// Following expressions to the identities, roles, scopes and resources they name, across module boundaries.
internal sealed partial class TrustModel
{
    private static readonly Regex Guid = new("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$", RegexOptions.CultureInvariant);

    // ---- principals ------------------------------------------------------------------------

    private IdentityInfo? ResolvePrincipal(CompiledTemplate template, JToken? token, string? principalType, int hops)
    {
        if (token is null || hops > MaxHops)
            return null;
        if (token is JValue { Type: JTokenType.String } s && ArmExpressionParser.TryParse((string)s!) is { } expression)
            return PrincipalOf(template, expression, principalType, hops);
        return template.Evaluate(token).AsString is { } literal && IsGuid(literal) ? LiteralPrincipal(literal, null, principalType) : null;
    }

    private IdentityInfo? PrincipalOf(CompiledTemplate template, ArmExpression expression, string? principalType, int hops)
    {
        switch (expression)
        {
            // mod.outputs.principalId (the azd layout): the output as the module writes it, followed to its identity.
            case ArmMember when ModuleOutput(template, expression, hops) is var (module, output):
                return ResolvePrincipal(module, output, principalType, hops + 1);
            // reference(<identity>).principalId, reference(<resource>, api, 'full').identity.principalId
            case ArmMember { Name: var member } m when member.Equals("principalId", StringComparison.OrdinalIgnoreCase):
            {
                var target = m.Target;
                var system = false;
                if (target is ArmMember { Name: var i } im && i.Equals("identity", StringComparison.OrdinalIgnoreCase))
                    (target, system) = (im.Target, true);
                else if (target is ArmMember { Name: var p } pm && p.Equals("properties", StringComparison.OrdinalIgnoreCase))
                    target = pm.Target;
                if (target is not ArmCall { Name: var f, Arguments.Count: > 0 } reference || !f.Equals("reference", StringComparison.OrdinalIgnoreCase))
                    return null;
                if (FindResource(template, reference.Arguments[0], hops + 1) is not { } resource)
                    return null;
                if (!system && resource.Is(UserAssignedIdentityType))
                    return UserAssignedIdentity(resource);
                return systemAssigned.GetValueOrDefault(resource);
            }
            case ArmCall { Name: var f, Arguments: [var argument] } when f.Equals("parameters", StringComparison.OrdinalIgnoreCase):
            {
                if (template.EvaluateArgument(argument) is not { } name)
                    return null;
                // Through a module call: the caller's value; when that cannot be followed, the parameter
                // itself, so the finding reads the same whichever file it is analysed from.
                if (CallerValue(template, name) is var (caller, value) && ResolvePrincipal(caller, value, principalType, hops + 1) is { } passed)
                    return passed;
                return ParameterPrincipal(template, name, principalType);
            }
            case ArmCall { Name: var f, Arguments: [var argument] } when f.Equals("variables", StringComparison.OrdinalIgnoreCase):
                return template.EvaluateArgument(argument) is { } variable && template.Template["variables"].Child(variable) is { } token
                    ? ResolvePrincipal(template, token, principalType, hops + 1)
                    : null;
            default:
                return template.Evaluator.EvaluateExpression(expression) is JValue { Type: JTokenType.String } v && IsGuid((string)v!)
                    ? LiteralPrincipal((string)v!, null, principalType)
                    : null;
        }
    }

    /// <summary>The value a module's caller passes for <paramref name="parameter"/>, in the caller's template; null for top-level parameters.</summary>
    private static (CompiledTemplate Caller, JToken Value)? CallerValue(CompiledTemplate template, string parameter)
    {
        if (template.Parent is not { } parent)
            return null;
        if (!template.InnerScope)
            return (parent, new JValue($"[parameters('{parameter.Replace("'", "''")}')]"));
        var passed = template.CallerDeployment.Child("properties").Child("parameters") as JObject;
        var entry = passed?.Properties().FirstOrDefault(p => p.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase))?.Value;
        // A Bicep module parameter with a condition compiles to one expression for the whole entry: not followed.
        return entry is JObject given && given["value"] is { } value ? (parent, value) : null;
    }

    private IdentityInfo ParameterPrincipal(CompiledTemplate template, string parameter, string? principalType)
    {
        var value = template.Evaluate(new JValue($"[parameters('{parameter.Replace("'", "''")}')]")).AsString;
        var id = value is not null && IsGuid(value) ? value : null;
        var key = $"parameter:{template.FilePath}:{parameter}";
        if (principals.TryGetValue(key, out var known))
            return known;
        var environment = classifier.ClassifyPrincipal(id, parameter);
        if (!environment.IsKnown)
            environment = classifier.ClassifyName(parameter, "parameter");
        var identity = new IdentityInfo(classifier.PrincipalName(id) ?? parameter, IdentityKind.Principal, environment,
            IsServicePrincipal(principalType), principalId: id, parameter: parameter);
        principals[key] = identity;
        identities.Add(identity);
        return identity;
    }

    private IdentityInfo LiteralPrincipal(string id, string? parameter, string? principalType)
    {
        var key = "id:" + id;
        if (principals.TryGetValue(key, out var known))
            return known;
        var name = classifier.PrincipalName(id);
        var identity = new IdentityInfo(name ?? id, IdentityKind.Principal, classifier.ClassifyPrincipal(id, name),
            IsServicePrincipal(principalType), principalId: id, parameter: parameter);
        principals[key] = identity;
        identities.Add(identity);
        return identity;
    }

    private static bool IsServicePrincipal(string? principalType) =>
        string.Equals(principalType, "ServicePrincipal", StringComparison.OrdinalIgnoreCase);

    private static bool IsGuid(string value) => System.Guid.TryParse(value, out _);

    // ---- roles -----------------------------------------------------------------------------

    private RoleInfo? ResolveRole(CompiledTemplate template, JToken token, int hops)
    {
        if (hops > MaxHops)
            return null;
        if (template.Evaluate(token).AsString is { } known)
            return RoleFromId(known);
        if (token is not JValue { Type: JTokenType.String } s || ArmExpressionParser.TryParse((string)s!) is not { } expression)
            return null;
        if (Follow(template, expression, hops) is var (owner, followed) && !ReferenceEquals(followed, token))
            return ResolveRole(owner, followed, hops + 1);
        if (expression is not ArmCall call || !ResourceIds.IsIdFunction(call.Name) || call.Arguments.Count < 2)
            return null;
        var nameArgument = call.Arguments[^1];
        if (template.Evaluator.EvaluateExpression(nameArgument) is JValue { Type: JTokenType.String } id)
            return RoleFromId((string)id!);
        // A custom role of this deployment: the same name expression as its roleDefinitions resource.
        var written = ArmExpressionWriter.Write(nameArgument);
        return customRoles.FirstOrDefault(c => (string?)c.Resource.Name is { } name &&
            (ArmExpressionParser.TryParse(name) is { } n ? ArmExpressionWriter.Write(n) : $"'{name}'") == written).Role;
    }

    private RoleInfo? RoleFromId(string id)
    {
        var match = Guid.Match(id.Trim());
        if (!match.Success)
            return RoleCatalog.FindByName(id);
        var guid = match.Groups[1].Value.ToLowerInvariant();
        return RoleCatalog.Find(guid)
            ?? customRoles.FirstOrDefault(c => string.Equals(c.Role.Id, guid, StringComparison.OrdinalIgnoreCase)).Role
            ?? new RoleInfo(guid, guid, null, IsPrivileged: false, CallsModels: false);
    }

    /// <summary>Follows <c>variables('x').a['b']</c> and a module parameter to the JSON they stand for.</summary>
    private static (CompiledTemplate Template, JToken Token)? Follow(CompiledTemplate template, ArmExpression expression, int hops)
    {
        var path = new List<ArmExpression>();
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case ArmMember m:
                    path.Insert(0, new ArmString(m.Name));
                    current = m.Target;
                    continue;
                case ArmIndex i:
                    path.Insert(0, i.Index);
                    current = i.Target;
                    continue;
            }
            break;
        }
        if (current is not ArmCall { Arguments: [var argument] } root || template.EvaluateArgument(argument) is not { } name)
            return null;
        JToken? token;
        var owner = template;
        if (root.Name.Equals("variables", StringComparison.OrdinalIgnoreCase))
            token = template.Template["variables"].Child(name);
        else if (root.Name.Equals("parameters", StringComparison.OrdinalIgnoreCase) && CallerValue(template, name) is var (caller, value))
            (owner, token) = (caller, value);
        else
            return null;
        foreach (var step in path)
        {
            if (token is null || hops > MaxHops)
                return null;
            if (token is JValue { Type: JTokenType.String } s && ArmExpressionParser.IsExpression((string)s!))
                return null; // the rest is computed: not followed
            token = template.Evaluator.EvaluateExpression(step) switch
            {
                JValue { Type: JTokenType.String } key when token is JObject o => o.Properties().FirstOrDefault(p => p.Name.Equals((string)key!, StringComparison.OrdinalIgnoreCase))?.Value,
                JValue { Type: JTokenType.Integer } index when token is JArray a && (long)index! >= 0 && (long)index! < a.Count => a[(int)(long)index!],
                _ => null,
            };
        }
        return token is null ? null : (owner, token);
    }

    // ---- scopes ----------------------------------------------------------------------------

    private ScopeInfo? ResolveScope(CompiledTemplate template, JToken? token)
    {
        var own = scopes[template];
        if (token is null)
            return DeploymentScope(own);
        if (template.Evaluate(token).AsString is { } id)
        {
            if (ResourceIds.Parse(id) is not { } parsed)
                return null;
            return parsed switch
            {
                { IsResource: true } => ResourceScope(template, parsed, null),
                { ResourceGroup: { } rg } => new ScopeInfo(ScopeLevel.ResourceGroup, rg, GroupEnvironment(rg, own)),
                { Subscription: { } sub } => new ScopeInfo(ScopeLevel.Subscription, sub, SubscriptionEnvironment(sub, own)),
                { Name: { } mg } => new ScopeInfo(ScopeLevel.ManagementGroup, mg, classifier.ClassifyName(mg, "management group")),
                _ => null,
            };
        }
        if (token is not JValue { Type: JTokenType.String } s || ArmExpressionParser.TryParse((string)s!) is not { } expression)
            return null;
        switch (expression)
        {
            case ArmMember { Name: var member, Target: ArmCall { Name: var f, Arguments.Count: 0 } } when member.Equals("id", StringComparison.OrdinalIgnoreCase):
                if (f.Equals("resourceGroup", StringComparison.OrdinalIgnoreCase))
                    return DeploymentScope(own with { Level = ScopeLevel.ResourceGroup });
                if (f.Equals("subscription", StringComparison.OrdinalIgnoreCase))
                    return DeploymentScope(own with { Level = ScopeLevel.Subscription });
                return null;
            case ArmCall call when ResourceIds.IsIdFunction(call.Name) && IdOf(template, call) is { IsResource: true } parsed:
                return ResourceScope(template, parsed, FindResource(template, call, 0));
            default:
                return FindResource(template, expression, 0) is { } resource
                    ? new ScopeInfo(ScopeLevel.Resource, resource.EvaluatedName ?? resource.SymbolicName, EnvironmentOf(resource), resource, resource.Type)
                    : null;
        }
    }

    private ScopeInfo DeploymentScope(TemplateScope scope) => scope.Level switch
    {
        ScopeLevel.ResourceGroup => new ScopeInfo(ScopeLevel.ResourceGroup, scope.ResourceGroup, scope.Environment),
        ScopeLevel.Subscription => new ScopeInfo(ScopeLevel.Subscription, scope.Subscription, scope.Environment),
        _ => new ScopeInfo(scope.Level, null, scope.Environment),
    };

    private ScopeInfo ResourceScope(CompiledTemplate template, ResourceId id, ResourceModel? resource)
    {
        resource ??= FindResource(template, id);
        var environment = resource is not null ? EnvironmentOf(resource) : EnvironmentOfId(template, id);
        return new ScopeInfo(ScopeLevel.Resource, id.Name ?? resource?.EvaluatedName ?? resource?.SymbolicName, environment, resource, id.Type);
    }

    private EnvironmentInfo GroupEnvironment(string rg, TemplateScope own)
    {
        var byName = classifier.ClassifyName(rg, "resource group");
        return byName.IsKnown || !string.Equals(rg, own.ResourceGroup, StringComparison.OrdinalIgnoreCase) ? byName : own.Environment;
    }

    private EnvironmentInfo SubscriptionEnvironment(string subscription, TemplateScope own)
    {
        var configured = classifier.ClassifySubscription(subscription);
        return configured.IsKnown || !string.Equals(subscription, own.Subscription, StringComparison.OrdinalIgnoreCase) ? configured : own.Environment;
    }

    /// <summary>The environment of a resource that is not declared here: its name, then the group or subscription its id names, then the caller's own scope.</summary>
    private EnvironmentInfo EnvironmentOfId(CompiledTemplate template, ResourceId id)
    {
        var byName = classifier.ClassifyName(id.Name, "name");
        if (byName.IsKnown)
            return byName;
        if (id.ResourceGroup is { } rg)
            return GroupEnvironment(rg, scopes[template]);
        if (id.Subscription is { } sub)
            return SubscriptionEnvironment(sub, scopes[template]);
        return scopes[template].Environment;
    }

    // ---- resources -------------------------------------------------------------------------

    private ResourceId? IdOf(CompiledTemplate template, ArmCall call) =>
        ResourceIds.FromCall(call, a => template.EvaluateArgument(a), scope => ResourceGroupOfScope(template, scope));

    // extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, 'rg-x'), …) and resourceGroup('x').id
    private static string? ResourceGroupOfScope(CompiledTemplate template, ArmExpression scope)
    {
        if (scope is ArmCall { Name: var f, Arguments: [ArmExpression format, ..] } call && f.Equals("format", StringComparison.OrdinalIgnoreCase) &&
            template.EvaluateArgument(format) is { } pattern && Regex.Match(pattern, @"/resourceGroups/\{(\d+)\}", RegexOptions.IgnoreCase) is { Success: true } m &&
            int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 is var index && index < call.Arguments.Count)
            return template.EvaluateArgument(call.Arguments[index]);
        if (scope is ArmMember { Name: var id, Target: ArmCall { Name: var g, Arguments: [var rg, ..] } } &&
            id.Equals("id", StringComparison.OrdinalIgnoreCase) && g.Equals("resourceGroup", StringComparison.OrdinalIgnoreCase))
            return template.EvaluateArgument(rg);
        return null;
    }

    /// <summary>The resource a key or reference names: a <c>resourceId()</c> call, a symbolic name, an id string or a module parameter.</summary>
    private ResourceModel? FindResource(CompiledTemplate template, string text, int hops) =>
        ArmExpressionParser.TryParse(text) is { } expression
            ? FindResource(template, expression, hops)
            : ResourceIds.Parse(text) is { IsResource: true } id ? FindResource(template, id) : null;

    private ResourceModel? FindResource(CompiledTemplate template, ArmExpression expression, int hops)
    {
        if (hops > MaxHops)
            return null;
        switch (expression)
        {
            case ArmString { Value: var symbol }:
                return template.Resources.FirstOrDefault(r => r.SymbolicName == symbol)
                    ?? (ResourceIds.Parse(symbol) is { IsResource: true } parsed ? FindResource(template, parsed) : null);
            case ArmCall call when ResourceIds.IsIdFunction(call.Name):
                return IdOf(template, call) switch
                {
                    { IsResource: true, Name: not null } named => FindResource(template, named),
                    { IsResource: true, Type: { } type } => FindByNameExpression(template, type, call.Arguments[^1]),
                    _ => null,
                };
            case ArmCall { Name: var f, Arguments: [var argument] } when f.Equals("format", StringComparison.OrdinalIgnoreCase) || f.Equals("string", StringComparison.OrdinalIgnoreCase):
                return FindResource(template, argument, hops + 1);
            case ArmCall { Name: var f, Arguments: [_, var argument, ..] } when f.Equals("format", StringComparison.OrdinalIgnoreCase):
                return FindResource(template, argument, hops + 1);
            case ArmMember when ModuleOutput(template, expression, hops) is var (module, output):
                return output is JValue { Type: JTokenType.String } o ? FindResource(module, (string)o!, hops + 1) : null;
            case ArmMember { Name: var member, Target: var target } when member.Equals("id", StringComparison.OrdinalIgnoreCase):
                return FindResource(template, target, hops + 1);
            case ArmCall { Name: var f, Arguments: [var condition, var whenTrue, var whenFalse] } when f.Equals("if", StringComparison.OrdinalIgnoreCase):
                return template.Evaluator.EvaluateExpression(condition) is JValue { Type: JTokenType.Boolean } known
                    ? FindResource(template, (bool)known! ? whenTrue : whenFalse, hops + 1)
                    : null;
            case ArmCall { Name: var f, Arguments.Count: > 0 } reference when f.Equals("reference", StringComparison.OrdinalIgnoreCase):
                return FindResource(template, reference.Arguments[0], hops + 1);
            case ArmCall { Name: var f, Arguments: [var argument] } when f.Equals("parameters", StringComparison.OrdinalIgnoreCase):
                return template.EvaluateArgument(argument) is { } name && CallerValue(template, name) is var (caller, value) &&
                    value is JValue { Type: JTokenType.String } s ? FindResource(caller, (string)s!, hops + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>reference(&lt;module&gt;).outputs.x.value</c> (Bicep's <c>mod.outputs.x</c>): the module's template and the
    /// output's value as written there, so an output that is a resource's id, name or the resource itself leads to that
    /// resource. Null for anything else, and for a module whose deployment is not one of this deployment's templates.
    /// </summary>
    private (CompiledTemplate Module, JToken Value)? ModuleOutput(CompiledTemplate template, ArmExpression expression, int hops)
    {
        if (hops > MaxHops || expression is not ArmMember { Name: var value, Target: var named } || !value.Equals("value", StringComparison.OrdinalIgnoreCase))
            return null;
        var (output, outputs) = named switch
        {
            ArmMember m => (m.Name, m.Target),
            ArmIndex { Index: ArmString s } i => (s.Value, i.Target),
            _ => (null, null),
        };
        if (output is null || outputs is not ArmMember { Name: var o, Target: ArmCall { Name: var f, Arguments.Count: > 0 } reference } ||
            !o.Equals("outputs", StringComparison.OrdinalIgnoreCase) || !f.Equals("reference", StringComparison.OrdinalIgnoreCase))
            return null;
        if (FindResource(template, reference.Arguments[0], hops + 1) is not { } deployment || !deployment.Is("Microsoft.Resources/deployments"))
            return null;
        var module = templates.FirstOrDefault(t => ReferenceEquals(t.Parent, template) && ReferenceEquals(t.CallerDeployment, deployment.Body));
        return module?.Template["outputs"].Child(output).Child("value") is { } written ? (module, written) : null;
    }

    /// <summary>
    /// A resource of the same template whose name is the same expression (<c>parameters('identityName')</c>
    /// without a value): the name is unknown, but it is the same resource.
    /// </summary>
    private static ResourceModel? FindByNameExpression(CompiledTemplate template, string type, ArmExpression name)
    {
        var written = ArmExpressionWriter.Write(name);
        return template.Resources.FirstOrDefault(r => r.Is(type) && r.Name is JValue { Type: JTokenType.String } n &&
            ArmExpressionParser.TryParse((string)n!) is { } expression && ArmExpressionWriter.Write(expression) == written);
    }

    /// <summary>A resource of the deployment with this type and name: in the same template first, then one in the group the id names.</summary>
    private ResourceModel? FindResource(CompiledTemplate template, ResourceId id)
    {
        if (id.Type is null || id.Name is null)
            return null;
        bool Matches(ResourceModel r) => r.Is(id.Type) && string.Equals(r.EvaluatedName, id.Name, StringComparison.OrdinalIgnoreCase);
        if (id.ResourceGroup is null && template.Resources.FirstOrDefault(Matches) is { } local)
            return local;
        return templates
            .Where(t => id.ResourceGroup is null || string.Equals(scopes[t].ResourceGroup, id.ResourceGroup, StringComparison.OrdinalIgnoreCase))
            .SelectMany(t => t.Resources)
            .FirstOrDefault(Matches);
    }

    public override IReadOnlyList<ResourceReference> References(TemplateModel template, JToken value)
    {
        if (template is not CompiledTemplate compiled || !scopes.ContainsKey(compiled))
            return [];
        var found = new List<ResourceReference>();
        Collect(compiled, value, found, 0);
        return found.DistinctBy(r => (r.Type?.ToLowerInvariant(), r.Name.ToLowerInvariant())).ToList();
    }

    private void Collect(CompiledTemplate template, JToken value, List<ResourceReference> found, int hops)
    {
        if (hops > MaxHops)
            return;
        var strings = value is JContainer container ? container.DescendantsAndSelf() : [value];
        foreach (var text in strings.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!))
        {
            if (ArmExpressionParser.TryParse(text) is { } expression)
            {
                CollectExpression(template, expression, found, hops);
                if (template.Evaluate(new JValue(text)).AsString is { } evaluated)
                    AddIds(template, ResourceIds.InText(evaluated), found);
            }
            else
            {
                AddIds(template, ResourceIds.InText(text), found);
            }
        }
    }

    private void CollectExpression(CompiledTemplate template, ArmExpression expression, List<ResourceReference> found, int hops)
    {
        switch (expression)
        {
            case ArmCall call when ResourceIds.IsIdFunction(call.Name):
                if (IdOf(template, call) is { IsResource: true, Name: not null } id)
                    AddIds(template, [id], found);
                else if (FindResource(template, call, hops + 1) is { } sameName) // a name InfraLint cannot evaluate, written like the resource's
                    found.Add(new ResourceReference(sameName.Type, sameName.EvaluatedName ?? sameName.DisplayName, EnvironmentOf(sameName), sameName));
                return;
            case ArmMember when ModuleOutput(template, expression, hops) is var (module, output):
                Collect(module, output, found, hops + 1);
                return;
            case ArmCall { Name: var f, Arguments.Count: > 0 } reference when f.Equals("reference", StringComparison.OrdinalIgnoreCase) &&
                                                                          reference.Arguments[0] is ArmString:
                if (FindResource(template, reference.Arguments[0], hops + 1) is { } symbol)
                    found.Add(new ResourceReference(symbol.Type, symbol.EvaluatedName ?? symbol.DisplayName, EnvironmentOf(symbol), symbol));
                return;
            case ArmCall { Name: var f, Arguments: [var argument] } when f.Equals("parameters", StringComparison.OrdinalIgnoreCase):
                if (template.EvaluateArgument(argument) is { } name && CallerValue(template, name) is var (caller, value))
                    Collect(caller, value, found, hops + 1);
                return;
            case ArmCall { Name: var f, Arguments: [var argument] } when f.Equals("variables", StringComparison.OrdinalIgnoreCase):
                if (template.EvaluateArgument(argument) is { } variable && template.Template["variables"].Child(variable) is { } token)
                    Collect(template, token, found, hops + 1);
                return;
            case ArmCall call:
                foreach (var argument in call.Arguments)
                    CollectExpression(template, argument, found, hops);
                return;
            case ArmMember m:
                CollectExpression(template, m.Target, found, hops);
                return;
            case ArmIndex i:
                CollectExpression(template, i.Target, found, hops);
                return;
        }
    }

    private void AddIds(CompiledTemplate template, IEnumerable<ResourceId> ids, List<ResourceReference> found)
    {
        foreach (var id in ids.Where(i => i.IsResource && i.Name is not null))
        {
            var resource = FindResource(template, id);
            var environment = resource is not null ? EnvironmentOf(resource) : EnvironmentOfId(template, id);
            found.Add(new ResourceReference(id.Type, id.Name!, environment, resource));
        }
    }
}
