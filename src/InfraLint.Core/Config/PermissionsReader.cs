using InfraLint.Core.Arm;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Config;

/// <summary>
/// Reads <c>permissionBudgets</c>, <c>approvals</c>, <c>approvalsRequiredFor</c> and <c>secretReaders</c> of infralint.json. A bad entry is an
/// INFRA0003 warning at its line and is left out; a bad key of an entry is left out. Nothing is guessed: an entry is
/// used only as far as it is valid.
/// </summary>
internal static class PermissionsReader
{
    public static PermissionPolicy Read(JObject root, JsonSourceLocator locator, List<Finding> problems)
    {
        var budgets = Entries(root["permissionBudgets"], "permissionBudgets", locator, problems)?
            .Select(e => Budget(e, locator, problems)).OfType<PermissionBudget>().ToList() ?? [];
        var approvals = Entries(root["approvals"], "approvals", locator, problems)?
            .Select(e => Approval(e, locator, problems)).OfType<Approval>().ToList();
        var (actions, roles) = RequiredFor(root["approvalsRequiredFor"], locator, problems);
        return new PermissionPolicy(budgets, approvals, actions, roles, DateOnly.MinValue)
        {
            SecretReadersMax = SecretReadersMax(root["secretReaders"], locator, problems),
        };
    }

    // "secretReaders": { "max": 3 }
    private static int SecretReadersMax(JToken? token, JsonSourceLocator locator, List<Finding> problems)
    {
        const int fallback = PermissionPolicy.DefaultSecretReadersMax;
        if (token is null)
            return fallback;
        if (token is not JObject o)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token.Parent ?? token), "'secretReaders' must be an object; the default applies"));
            return fallback;
        }
        UnknownKeys(o, "'secretReaders'", locator, problems, "max");
        if (o["max"] is not { } max)
            return fallback;
        if (max is JValue { Type: JTokenType.Integer } v && (long)v! is >= 1 and <= 10_000)
            return (int)(long)v!;
        problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(max.Parent!), $"'max' of 'secretReaders' must be a whole number from 1 to 10000; the default {fallback} applies"));
        return fallback;
    }

    private static IEnumerable<JToken>? Entries(JToken? token, string key, JsonSourceLocator locator, List<Finding> problems)
    {
        if (token is null)
            return null;
        if (token is JArray array)
            return array;
        problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token.Parent ?? token), $"'{key}' must be an array; it is ignored"));
        return null;
    }

    // { "identity": "id-orders-worker", "allowedRoles": [...], "allowedActions": ["read"], "widestScope": "resource" }
    private static PermissionBudget? Budget(JToken entry, JsonSourceLocator locator, List<Finding> problems)
    {
        if (entry is not JObject o || o["identity"] is not JValue { Type: JTokenType.String } identity || ((string)identity!).Length == 0)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(entry), "a permission budget needs an 'identity'; it is ignored"));
            return null;
        }
        UnknownKeys(o, "a permission budget", locator, problems, "identity", "allowedRoles", "allowedActions", "widestScope");
        var roles = o["allowedRoles"] is { } r ? ConfigLoader.Strings(r, "allowedRoles", locator, problems) : null;
        var actions = o["allowedActions"] is { } a ? Classes(a, "allowedActions", locator, problems) : null;
        ScopeLevel? widest = null;
        if (o["widestScope"] is { } w)
        {
            widest = (string?)(w as JValue) switch
            {
                "resource" => ScopeLevel.Resource,
                "resourceGroup" => ScopeLevel.ResourceGroup,
                "subscription" => ScopeLevel.Subscription,
                _ => null,
            };
            if (widest is null)
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(w.Parent!), "'widestScope' must be 'resource', 'resourceGroup' or 'subscription'; it is ignored"));
        }
        if (roles is null && actions is null && widest is null)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(entry), $"the permission budget of '{(string)identity!}' sets none of 'allowedRoles', 'allowedActions', 'widestScope'; it is ignored"));
            return null;
        }
        return new PermissionBudget((string)identity!, roles, actions, widest);
    }

    // { "selector": { "identity", "principalId", "role", "scope" }, "approver": "...", "reference": "...", "expires": "yyyy-MM-dd" }
    private static Approval? Approval(JToken entry, JsonSourceLocator locator, List<Finding> problems)
    {
        if (entry is not JObject o)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(entry), "an approval must be an object with 'selector', 'approver', 'reference' and 'expires'; it is ignored"));
            return null;
        }
        UnknownKeys(o, "an approval", locator, problems, "selector", "approver", "reference", "expires");
        var selector = Selector(o, locator, problems);
        var approver = Text(o, "approver", locator, problems);
        var reference = Text(o, "reference", locator, problems);
        DateOnly? expires = null;
        if (o["expires"] is not { } e)
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(o), "an approval needs 'expires' (yyyy-MM-dd); it is ignored"));
        else if ((expires = ConfigLoader.Date(e)) is null)
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(e.Parent!), "'expires' must be a date as yyyy-MM-dd; the approval is ignored"));
        return selector is null || approver is null || reference is null || expires is null
            ? null
            : new Approval(selector, approver, reference, expires.Value);
    }

    private static ApprovalSelector? Selector(JObject approval, JsonSourceLocator locator, List<Finding> problems)
    {
        if (approval["selector"] is not JObject s)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(approval["selector"]?.Parent ?? approval),
                "an approval needs a 'selector' object with 'identity', 'principalId', 'role' and/or 'scope'; it is ignored"));
            return null;
        }
        UnknownKeys(s, "a selector", locator, problems, "identity", "principalId", "role", "scope");
        string? Part(string key)
        {
            if (s[key] is not { } value)
                return null;
            if (value is JValue { Type: JTokenType.String } v && ((string)v!).Length > 0)
                return (string)v!;
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(value.Parent!), $"'{key}' of a selector must be a non-empty string; the approval is ignored"));
            return null;
        }
        var parts = new[] { "identity", "principalId", "role", "scope" }.Select(k => (Key: k, Value: Part(k))).ToList();
        if (parts.Any(p => p.Value is null && s[p.Key] is not null))
            return null;
        if (parts.All(p => p.Value is null))
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(s.Parent!), "a selector that names no 'identity', 'principalId', 'role' or 'scope' would approve everything; the approval is ignored"));
            return null;
        }
        return new ApprovalSelector(parts[0].Value, parts[1].Value, parts[2].Value, parts[3].Value);
    }

    // "approvalsRequiredFor": { "actions": ["write", "approve"], "roles": ["Key Vault Secrets User"] }
    private static (ActionClasses Actions, IReadOnlyList<string> Roles) RequiredFor(JToken? token, JsonSourceLocator locator, List<Finding> problems)
    {
        var defaults = (PermissionPolicy.DefaultHighImpactActions, (IReadOnlyList<string>)[]);
        if (token is null)
            return defaults;
        if (token is not JObject o)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token.Parent ?? token), "'approvalsRequiredFor' must be an object; the defaults apply"));
            return defaults;
        }
        UnknownKeys(o, "'approvalsRequiredFor'", locator, problems, "actions", "roles");
        var actions = o["actions"] is { } a ? Classes(a, "actions", locator, problems) ?? defaults.Item1 : defaults.Item1;
        var roles = o["roles"] is { } r ? ConfigLoader.Strings(r, "roles", locator, problems) ?? [] : [];
        return (actions, roles);
    }

    private static ActionClasses? Classes(JToken token, string key, JsonSourceLocator locator, List<Finding> problems)
    {
        if (ConfigLoader.Strings(token, key, locator, problems) is not { } names)
            return null;
        var classes = ActionClasses.None;
        foreach (var name in names)
        {
            var parsed = name switch
            {
                "read" => ActionClasses.Read,
                "write" => ActionClasses.Write,
                "trigger" => ActionClasses.Trigger,
                "approve" => ActionClasses.Approve,
                _ => (ActionClasses?)null,
            };
            if (parsed is null)
            {
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token), $"'{key}' may hold 'read', 'write', 'trigger' and 'approve', not '{name}'; it is ignored"));
                return null;
            }
            classes |= parsed.Value;
        }
        return classes;
    }

    private static string? Text(JObject o, string key, JsonSourceLocator locator, List<Finding> problems)
    {
        if (o[key] is JValue { Type: JTokenType.String } v && ((string)v!).Length > 0)
            return (string)v!;
        problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(o[key]?.Parent ?? o), $"an approval needs '{key}' (a non-empty string); it is ignored"));
        return null;
    }

    private static void UnknownKeys(JObject o, string what, JsonSourceLocator locator, List<Finding> problems, params string[] known)
    {
        foreach (var key in o.Properties().Where(p => p.Name != "description" && !known.Contains(p.Name)))
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(key), $"unknown key '{key.Name}' in {what} is ignored"));
    }
}
