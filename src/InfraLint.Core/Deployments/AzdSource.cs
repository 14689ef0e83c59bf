using System.Text.RegularExpressions;
using InfraLint.Core.Arm;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Deployments;

/// <summary>
/// Azure Developer CLI projects: <c>azure.yaml</c> and its <c>infra</c> template (default <c>infra/main.bicep</c>),
/// one deployment per environment folder <c>.azure/&lt;name&gt;/.env</c>, with the <c>${VAR}</c> and
/// <c>${VAR=default}</c> placeholders of <c>main.parameters.json</c> substituted from that environment. The values of
/// keys that look secret are never read. Without <c>.azure/</c>, no deployment is invented.
/// </summary>
internal static partial class AzdSource
{
    private const string Kind = "azd";
    private const int MaxEnvironments = 64;
    private const int MaxEnvFileBytes = 64 * 1024;

    public static void Read(string azureYaml, DeploymentCollector collector)
    {
        var relative = collector.Relative(azureYaml);
        var project = Path.GetDirectoryName(azureYaml)!;
        var environments = Path.Combine(project, ".azure");
        if (!Directory.Exists(environments) || new DirectoryInfo(environments).LinkTarget is not null)
            return;
        if (YamlFile.Load(azureYaml, collector.Notes, relative) is not { } root)
            return;
        var infra = root.Child("infra");
        var provider = infra.Text("provider");
        if (provider is not null && !provider.Equals("bicep", StringComparison.OrdinalIgnoreCase))
            return;
        var folder = infra.Text("path") ?? "infra";
        var module = infra.Text("module") ?? "main";
        var template = collector.ResolveFile(Path.Combine(folder, module + ".bicep"), project, azureYaml, (int)(infra?.Start.Line ?? 1));
        if (template is null)
            return;
        var bicepParameters = Path.Combine(Path.GetDirectoryName(template)!, module + ".bicepparam");
        var jsonParameters = Path.Combine(Path.GetDirectoryName(template)!, module + ".parameters.json");
        foreach (var directory in Directory.EnumerateDirectories(environments).Order(StringComparer.Ordinal).Take(MaxEnvironments))
        {
            var envFile = Path.Combine(directory, ".env");
            if (!File.Exists(envFile) || new FileInfo(envFile).LinkTarget is not null || new DirectoryInfo(directory).LinkTarget is not null)
                continue;
            var name = Path.GetFileName(directory);
            var env = ReadEnv(envFile);
            var site = new DeploymentSite(name, envFile, Kind, $"azd environment {name}", env.GetValueOrDefault("AZURE_ENV_NAME") ?? name, [collector.Relative(project)]);
            if (File.Exists(jsonParameters) && collector.IsUnder(jsonParameters))
            {
                collector.AddResolved(site, 1, template, jsonParameters, Substitute(jsonParameters, env), valuesReplaceParametersFile: true, null,
                    env.GetValueOrDefault("AZURE_SUBSCRIPTION_ID"), env.GetValueOrDefault("AZURE_RESOURCE_GROUP"), env.GetValueOrDefault("AZURE_LOCATION"));
            }
            else
            {
                collector.AddResolved(site, 1, template, File.Exists(bicepParameters) ? bicepParameters : null, new Dictionary<string, TemplateValue>(), false, null,
                    env.GetValueOrDefault("AZURE_SUBSCRIPTION_ID"), env.GetValueOrDefault("AZURE_RESOURCE_GROUP"), env.GetValueOrDefault("AZURE_LOCATION"));
            }
        }
    }

    /// <summary>
    /// <c>KEY=value</c> lines (quotes removed). A key that looks secret (<c>*_KEY</c>, <c>*PASSWORD*</c>, <c>*TOKEN*</c> …)
    /// is left out: its value never enters InfraLint, so a parameter set from it stays unknown.
    /// </summary>
    internal static Dictionary<string, string> ReadEnv(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Inputs.RegularFile.Problem(path) is not null || new FileInfo(path).Length > MaxEnvFileBytes)
            return values; // a FIFO or device named .env must not block the run
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line[7..].TrimStart();
            var equals = line.IndexOf('=');
            if (line.StartsWith('#') || equals <= 0)
                continue;
            var key = line[..equals].Trim();
            if (SecretShapes.IsSecretName(key))
                continue;
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
                value = value[1..^1];
            values[key] = value;
        }
        return values;
    }

    // main.parameters.json with its placeholders replaced, as azd does before it deploys. A string that keeps a
    // placeholder with no value (a secret, a key the environment does not set) is unknown.
    private static Dictionary<string, TemplateValue> Substitute(string parametersFile, Dictionary<string, string> env)
    {
        var values = new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
        JObject root;
        try
        {
            if (new FileInfo(parametersFile).Length > YamlFile.MaxBytes)
                return values;
            root = ArmTemplateReader.Parse(Inputs.RegularFile.ReadAllText(parametersFile));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return values;
        }
        if (root["parameters"] is not JObject parameters)
            return values;
        foreach (var parameter in parameters.Properties())
        {
            if (parameter.Value is not JObject { } p || p["value"] is not { } value)
            {
                values[parameter.Name] = TemplateValue.Unknown();
                continue;
            }
            var known = true;
            var replaced = Replace(value.DeepClone(), env, ref known);
            values[parameter.Name] = known ? TemplateValue.Known(replaced) : TemplateValue.Unknown();
        }
        return values;
    }

    private static JToken Replace(JToken token, Dictionary<string, string> env, ref bool known)
    {
        switch (token)
        {
            case JValue { Type: JTokenType.String } text:
                var missing = false;
                var result = Placeholder().Replace((string)text!, m =>
                {
                    if (env.TryGetValue(m.Groups["name"].Value, out var value) && (value.Length > 0 || !m.Groups["default"].Success))
                        return value;
                    if (m.Groups["default"].Success)
                        return m.Groups["default"].Value;
                    missing = true;
                    return m.Value;
                });
                known &= !missing;
                return new JValue(result);
            case JContainer container:
                foreach (var child in container.Children().ToList())
                {
                    if (child is JProperty property)
                        property.Value = Replace(property.Value, env, ref known);
                    else
                        child.Replace(Replace(child, env, ref known));
                }
                return container;
            default:
                return token;
        }
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?::?[=-])(?<default>[^}]*))?\}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Placeholder();
}
