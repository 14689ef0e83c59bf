using System.Globalization;
using InfraLint.Core.Arm;
using InfraLint.Core.Inputs;
using InfraLint.Core.Packs;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Config;

/// <summary>
/// Finds and reads <c>infralint.json</c>: the nearest one above a template (like bicepconfig.json),
/// or one named explicitly. A broken file is INFRA0003 with its line, never a crash; unknown keys are
/// INFRA0003 warnings at their line and the rest of the file still applies.
/// </summary>
internal sealed class ConfigLoader(string? explicitPath, Config.PolicyFiles? files = null)
{
    public const string FileName = "infralint.json";

    private static readonly HashSet<string> Implemented = new(StringComparer.Ordinal)
    {
        "$schema", "description", "rules", "suppressions", "environments", "rulePacks", "permissionBudgets", "approvals", "approvalsRequiredFor", "secretReaders",
        "deployments",
    };

    // Keys DESIGN.md reserves for features this version does not have yet: named, not silently dropped.
    private static readonly HashSet<string> NotYetSupported = new(StringComparer.Ordinal) { "include", "exclude" };

    // The working tree, or with --policy-from the base revision.
    private readonly Config.PolicyFiles files = files ?? Config.PolicyFiles.WorkingTree;

    private readonly Dictionary<string, InfraLintConfig> byDirectory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InfraLintConfig> byFile = new(StringComparer.Ordinal);

    /// <summary>Where configuration files are read from.</summary>
    public Config.PolicyFiles Files => files;

    /// <summary>Every configuration file read so far, for their own diagnostics.</summary>
    public IEnumerable<InfraLintConfig> Loaded
    {
        get
        {
            lock (byDirectory)
                return byFile.Values.ToList();
        }
    }

    /// <summary>The configuration of <paramref name="templatePath"/>. Thread-safe: the lanes of a parallel run ask at once.</summary>
    public InfraLintConfig For(string templatePath)
    {
        lock (byDirectory)
            return Find(templatePath);
    }

    private InfraLintConfig Find(string templatePath)
    {
        if (explicitPath is not null)
            return Read(Path.GetFullPath(explicitPath));
        var directory = Path.GetDirectoryName(templatePath);
        if (directory is null)
            return InfraLintConfig.Empty;
        if (byDirectory.TryGetValue(directory, out var cached))
            return cached;
        var candidate = Path.Combine(directory, FileName);
        var config = files.Exists(candidate) ? Read(candidate) : Find(directory);
        byDirectory[directory] = config;
        return config;
    }

    private InfraLintConfig Read(string path)
    {
        if (!byFile.TryGetValue(path, out var config))
            byFile[path] = config = Parse(path, files);
        return config;
    }

    internal static InfraLintConfig Parse(string path, Config.PolicyFiles? files = null)
    {
        var problems = new List<Finding>();
        var (root, text, problem) = JsonFile.Read(path, FileName, "is ignored", files);
        if (root is null)
        {
            problems.Add(problem!);
            return new InfraLintConfig(path, new Dictionary<string, Severity>(), [], problems);
        }

        var locator = new JsonSourceLocator(path, text);
        foreach (var property in root.Properties())
        {
            if (NotYetSupported.Contains(property.Name))
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(property), $"'{property.Name}' is not supported by this version of InfraLint and is ignored"));
            else if (!Implemented.Contains(property.Name))
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(property), $"unknown key '{property.Name}' is ignored"));
        }
        var severities = ReadSeverities(root["rules"], locator, problems);
        var suppressions = ReadSuppressions(root["suppressions"], path, locator, problems);
        var environments = ReadEnvironments(root["environments"], locator, problems);
        var permissions = PermissionsReader.Read(root, locator, problems);
        return new InfraLintConfig(path, severities, suppressions, problems, environments, permissions)
        {
            RulePacks = ReadRulePacks(root["rulePacks"], path, locator, problems),
            Deployments = DeploymentsReader.Read(root["deployments"], path, locator, problems),
        };
    }

    // Paths relative to the configuration file's folder, as bicepconfig.json resolves its paths.
    private static List<RulePackReference> ReadRulePacks(JToken? token, string path, JsonSourceLocator locator, List<Finding> problems)
    {
        var packs = new List<RulePackReference>();
        if (token is null)
            return packs;
        if (token is not JArray entries)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token.Parent!), "'rulePacks' must be an array of paths; it is ignored"));
            return packs;
        }
        foreach (var entry in entries)
        {
            if (entry is JValue { Type: JTokenType.String } value && ((string)value!).Length > 0)
                packs.Add(new RulePackReference(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, (string)value!)), locator.Locate(entry)));
            else
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(entry), "an entry of 'rulePacks' must be the path of a rule pack; it is ignored"));
        }
        return packs;
    }

    private static Dictionary<string, Severity> ReadSeverities(JToken? rules, JsonSourceLocator locator, List<Finding> problems)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        if (rules is null)
            return severities;
        if (rules is not JObject byId)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(rules), "'rules' must be an object of rule id to severity; it is ignored"));
            return severities;
        }
        foreach (var rule in byId.Properties())
        {
            if (rule.Value is JValue { Type: JTokenType.String } v && SeverityNames.TryParse((string)v!, out var severity))
                severities[rule.Name] = severity;
            else
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(rule), $"the severity of '{rule.Name}' must be one of {SeverityNames.Allowed}; it is ignored"));
        }
        return severities;
    }

    // "environments": { "tagKeys": [...], "sandbox": { "names", "subscriptions", "principals" }, "production": {...} }
    // Names given for an environment replace its defaults; what is left out keeps them.
    private static EnvironmentSettings ReadEnvironments(JToken? token, JsonSourceLocator locator, List<Finding> problems)
    {
        var defaults = EnvironmentSettings.Default;
        if (token is null)
            return defaults;
        if (token is not JObject environments)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token), "'environments' must be an object; the defaults apply"));
            return defaults;
        }
        foreach (var key in environments.Properties().Where(p => p.Name is not ("tagKeys" or "sandbox" or "production" or "names" or "description")))
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(key), $"unknown key '{key.Name}' in 'environments' is ignored"));
        var tagKeys = environments["tagKeys"] is { } tags ? Strings(tags, "tagKeys", locator, problems) ?? defaults.TagKeys : defaults.TagKeys;
        return new EnvironmentSettings(tagKeys,
            ReadPatterns(environments["sandbox"], defaults.Sandbox, "sandbox", locator, problems),
            ReadPatterns(environments["production"], defaults.Production, "production", locator, problems))
        {
            DeploymentNames = ReadNameMap(environments["names"], locator, problems),
        };
    }

    // "names": { "production": ["prod", "prd*"], "sandbox": ["exp-*"] }: pipeline and azd environment names, on top of the built-in words.
    private static EnvironmentNameMap ReadNameMap(JToken? token, JsonSourceLocator locator, List<Finding> problems)
    {
        if (token is null)
            return EnvironmentNameMap.Default;
        if (token is not JObject names)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token), "'names' must be an object with 'production' and 'sandbox' name lists; it is ignored"));
            return EnvironmentNameMap.Default;
        }
        foreach (var key in names.Properties().Where(p => p.Name is not ("production" or "sandbox" or "description")))
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(key), $"unknown key '{key.Name}' in 'names' is ignored"));
        var production = names["production"] is { } p ? Strings(p, "production", locator, problems) ?? [] : [];
        var sandbox = names["sandbox"] is { } s ? Strings(s, "sandbox", locator, problems) ?? [] : [];
        return new EnvironmentNameMap(production, sandbox);
    }

    private static EnvironmentPatterns ReadPatterns(JToken? token, EnvironmentPatterns defaults, string environment, JsonSourceLocator locator, List<Finding> problems)
    {
        if (token is null)
            return defaults;
        if (token is not JObject o)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token), $"'{environment}' must be an object; the defaults apply"));
            return defaults;
        }
        foreach (var key in o.Properties().Where(p => p.Name is not ("names" or "subscriptions" or "principals" or "description")))
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(key), $"unknown key '{key.Name}' in '{environment}' is ignored"));
        var names = o["names"] is { } n ? Strings(n, "names", locator, problems) ?? defaults.Names : defaults.Names;
        var subscriptions = o["subscriptions"] is { } s ? Strings(s, "subscriptions", locator, problems) ?? [] : [];
        var principals = new List<ConfiguredPrincipal>();
        if (o["principals"] is JArray list)
        {
            foreach (var item in list)
            {
                if (item is JObject p && (p["id"] is JValue { Type: JTokenType.String } || p["name"] is JValue { Type: JTokenType.String }) &&
                    p.Properties().All(x => x.Name is "id" or "name" or "description"))
                    principals.Add(new ConfiguredPrincipal((string?)p["id"], (string?)p["name"]));
                else
                    problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(item), "a principal is an object with 'id' and/or 'name'; it is ignored"));
            }
        }
        else if (o["principals"] is { } bad)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(bad), "'principals' must be an array; it is ignored"));
        }
        return new EnvironmentPatterns(names, subscriptions, principals);
    }

    internal static IReadOnlyList<string>? Strings(JToken token, string key, JsonSourceLocator locator, List<Finding> problems)
    {
        if (token is JArray array && array.All(t => t is JValue { Type: JTokenType.String } v && ((string)v!).Length > 0))
            return array.Select(t => (string)t!).ToList();
        problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token), $"'{key}' must be an array of non-empty strings; it is ignored"));
        return null;
    }

    private static List<CentralSuppression> ReadSuppressions(JToken? token, string path, JsonSourceLocator locator, List<Finding> problems)
    {
        var suppressions = new List<CentralSuppression>();
        if (token is null)
            return suppressions;
        if (token is not JArray entries)
        {
            problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(token), "'suppressions' must be an array; it is ignored"));
            return suppressions;
        }
        foreach (var entry in entries)
        {
            var location = locator.Locate(entry);
            if (entry is not JObject o || o["id"] is not JValue { Type: JTokenType.String } id)
            {
                problems.Add(ToolDiagnostics.ConfigurationWarning(location, "a suppression needs an 'id'; it is ignored"));
                continue;
            }
            foreach (var key in o.Properties().Where(p => p.Name is not ("id" or "files" or "resource" or "justification" or "expires" or "description")))
                problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(key), $"unknown key '{key.Name}' in a suppression is ignored"));
            DateOnly? expires = null;
            if (o["expires"] is { } e)
            {
                if (Date(e) is { } date)
                    expires = date;
                else
                    problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(e.Parent!), "'expires' must be a date as yyyy-MM-dd; the suppression never expires"));
            }
            var files = (string?)o["files"] is { Length: > 0 } glob ? Glob.ToRegex(glob) : null;
            suppressions.Add(new CentralSuppression((string)id!, files, (string?)o["resource"], (string?)o["justification"], expires, location));
        }
        return suppressions;
    }

    /// <summary>A <c>yyyy-MM-dd</c> date, or null.</summary>
    internal static DateOnly? Date(JToken token) =>
        token.Type == JTokenType.String && DateOnly.TryParseExact((string)token!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
