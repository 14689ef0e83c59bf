using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Trust;

/// <summary>
/// The built-in Azure roles InfraLint knows (id, name, action classes), and the classification of
/// custom roles from their actions. Roles InfraLint does not know keep their GUID as name and
/// unknown classes: rules that need the classes stay silent on them.
/// </summary>
internal static class RoleCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, RoleInfo>> ById = new(Load);

    public static IEnumerable<RoleInfo> BuiltIn => ById.Value.Values;

    public static RoleInfo? Find(string id) => ById.Value.GetValueOrDefault(id.ToLowerInvariant());

    public static RoleInfo? FindByName(string name) =>
        ById.Value.Values.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Action classes of a custom role's <c>actions</c> and <c>dataActions</c>.</summary>
    public static ActionClasses Classify(IEnumerable<string> actions)
    {
        var classes = ActionClasses.None;
        foreach (var action in actions.Select(a => a.Trim()))
            classes |= ClassifyOne(action);
        return classes;
    }

    /// <summary>True for actions that make a role privileged: everything, or writing role assignments or policy.</summary>
    public static bool IsPrivilegedAction(string action)
    {
        var a = action.Trim();
        return a == "*" || a.StartsWith("Microsoft.Authorization/*", StringComparison.OrdinalIgnoreCase) ||
            a.Equals("Microsoft.Authorization/roleAssignments/write", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] TriggerWords = ["run", "start", "trigger", "invoke", "send", "restart", "execute", "listen"];

    private static ActionClasses ClassifyOne(string action)
    {
        if (action == "*")
            return ActionClasses.All;
        var approve = action.StartsWith("Microsoft.Authorization/", StringComparison.OrdinalIgnoreCase) && !action.EndsWith("/read", StringComparison.OrdinalIgnoreCase);
        if (action.EndsWith("/*", StringComparison.Ordinal))
            return ActionClasses.Read | ActionClasses.Write | ActionClasses.Trigger | (approve ? ActionClasses.Approve : ActionClasses.None);
        if (action.EndsWith("/read", StringComparison.OrdinalIgnoreCase))
            return ActionClasses.Read;
        if (approve)
            return ActionClasses.Approve;
        if (action.EndsWith("/write", StringComparison.OrdinalIgnoreCase) || action.EndsWith("/delete", StringComparison.OrdinalIgnoreCase))
            return ActionClasses.Write;
        var words = action.Split('/');
        return words.Any(w => TriggerWords.Any(t => w.Contains(t, StringComparison.OrdinalIgnoreCase))) ? ActionClasses.Trigger : ActionClasses.Write;
    }

    private static IReadOnlyDictionary<string, RoleInfo> Load()
    {
        using var stream = typeof(RoleCatalog).Assembly.GetManifestResourceStream("InfraLint.Core.Trust.BuiltInRoles.json")
            ?? throw new InvalidOperationException("BuiltInRoles.json is not embedded");
        using var reader = new StreamReader(stream);
        var roles = new Dictionary<string, RoleInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in JArray.Parse(reader.ReadToEnd()).OfType<JObject>())
        {
            ActionClasses? classes = row["classes"] is JArray list
                ? list.Select(c => Enum.Parse<ActionClasses>((string)c!, ignoreCase: true)).Aggregate(ActionClasses.None, (a, b) => a | b)
                : null;
            var id = ((string)row["id"]!).ToLowerInvariant();
            roles[id] = new RoleInfo(id, (string)row["name"]!, classes, (bool?)row["privileged"] ?? false, (bool?)row["callsModels"] ?? false);
        }
        return roles;
    }
}
