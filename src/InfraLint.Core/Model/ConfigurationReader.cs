using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>Builds <see cref="TemplateModel.Configuration"/>: the settings of the compute resources InfraLint knows.</summary>
internal static class ConfigurationReader
{
    public static IEnumerable<ConfigurationEntry> Of(TemplateModel template)
    {
        foreach (var resource in template.Resources.Where(r => !r.IsExisting))
        {
            // Which resources carry settings, and in which shape: ResourceKinds names the kinds.
            var entries = resource.IsIn(ResourceKinds.Sites) ? SiteConfig(template, resource)
                : resource.IsIn(ResourceKinds.SettingsChildren) ? ConfigResource(template, resource)
                : resource.IsIn(ResourceKinds.ContainerApps) ? Containers(template, resource, resource.Properties.Child("template"), "env", c => c)
                : resource.Is("Microsoft.ContainerInstance/containerGroups") ? Containers(template, resource, resource.Properties, "environmentVariables", c => c.Child("properties"))
                : [];
            foreach (var entry in entries)
                yield return entry;
        }
    }

    private static IEnumerable<ConfigurationEntry> SiteConfig(TemplateModel template, ResourceModel site)
    {
        var siteConfig = Resolve(template, site.Properties.Child("siteConfig"));
        foreach (var entry in NamedArray(template, site, siteConfig.Child("appSettings"), ConfigurationKind.AppSetting, "value"))
            yield return entry;
        foreach (var entry in NamedArray(template, site, siteConfig.Child("connectionStrings"), ConfigurationKind.ConnectionString, "connectionString"))
            yield return entry;
    }

    // Microsoft.Web/sites/config named 'appsettings' or 'connectionstrings' (static web apps: 'appsettings',
    // 'functionappsettings'): settings are the keys of properties. Named 'web': properties is a siteConfig.
    private static IEnumerable<ConfigurationEntry> ConfigResource(TemplateModel template, ResourceModel config)
    {
        if (template.NameEndsWith(config, "web"))
        {
            var siteConfig = Resolve(template, config.Properties);
            foreach (var entry in NamedArray(template, config, siteConfig.Child("appSettings"), ConfigurationKind.AppSetting, "value"))
                yield return entry;
            foreach (var entry in NamedArray(template, config, siteConfig.Child("connectionStrings"), ConfigurationKind.ConnectionString, "connectionString"))
                yield return entry;
            yield break;
        }
        var kind = template.NameEndsWith(config, "appsettings") || template.NameEndsWith(config, "functionappsettings")
            ? ConfigurationKind.AppSetting
            : template.NameEndsWith(config, "connectionstrings") ? ConfigurationKind.ConnectionString
            : (ConfigurationKind?)null;
        if (kind is null)
            yield break;
        if (Resolve(template, config.Properties) is not JObject properties)
        {
            if (config.Body.Property("properties", StringComparison.OrdinalIgnoreCase) is { } whole)
                yield return Opaque(config, kind.Value, whole);
            yield break;
        }
        foreach (var property in properties.Properties())
        {
            var value = kind == ConfigurationKind.ConnectionString && Resolve(template, property.Value) is JObject pair ? pair["value"] : property.Value;
            // A key may be an expression (Bicep `'${name}': value`): named by its value, or computed when that is not known.
            var name = template.Evaluate(new JValue(property.Name)).AsString;
            yield return new ConfigurationEntry(config, kind.Value, property, name, value, IsSecretReference: false, ReferencedValue: null);
        }
    }

    private static IEnumerable<ConfigurationEntry> Containers(TemplateModel template, ResourceModel owner, JToken? parent,
        string variablesProperty, Func<JToken, JToken?> containerProperties)
    {
        var holder = Resolve(template, parent);
        foreach (var listName in new[] { "containers", "initContainers" })
        {
            if (Resolve(template, holder.Child(listName)) is not JArray containers)
                continue;
            foreach (var container in containers.Select(c => Resolve(template, c)).OfType<JObject>())
            {
                var variables = Resolve(template, containerProperties(container)).Child(variablesProperty);
                foreach (var entry in NamedArray(template, owner, variables, ConfigurationKind.EnvironmentVariable, "value"))
                    yield return entry;
            }
        }
    }

    private static IEnumerable<ConfigurationEntry> NamedArray(TemplateModel template, ResourceModel owner, JToken? array,
        ConfigurationKind kind, string valueProperty)
    {
        if (Resolve(template, array) is not JArray items)
        {
            if (array?.Parent is JProperty whole)
                yield return Opaque(owner, kind, whole);
            yield break;
        }
        foreach (var item in items.Select(i => Resolve(template, i)).OfType<JObject>())
        {
            var nameProperty = item.Property("name", StringComparison.OrdinalIgnoreCase);
            var name = template.Evaluate(nameProperty?.Value).AsString;
            var secureValue = item.Property("secureValue", StringComparison.OrdinalIgnoreCase)?.Value;
            var isReference = item.Property("secretRef", StringComparison.OrdinalIgnoreCase) is not null || secureValue is not null;
            var value = item.Property(valueProperty, StringComparison.OrdinalIgnoreCase)?.Value;
            yield return new ConfigurationEntry(owner, kind, (JToken?)nameProperty ?? item, name, value, isReference && value is null, secureValue);
        }
    }

    // A collection of settings written as one expression: findings point at the property that holds it.
    private static ConfigurationEntry Opaque(ResourceModel owner, ConfigurationKind kind, JProperty whole) =>
        new(owner, kind, whole, Name: null, whole.Value, IsSecretReference: false, ReferencedValue: null, IsOpaque: true);

    // What the template may deploy: settings merged with unknown parts or chosen by an unknown condition are still read.
    private static JToken? Resolve(TemplateModel template, JToken? token) => token is null ? null : template.ResolvePartially(token);
}
