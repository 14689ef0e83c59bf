using InfraLint.Core.Config;
using InfraLint.Sdk;

namespace InfraLint.Core.Deployments;

/// <summary>infralint.json <c>deployments</c>: each entry as declared; <c>environment</c> is <c>production</c>, <c>sandbox</c> or a name classified like a pipeline environment.</summary>
internal static class ConfiguredDeploymentsSource
{
    private const string Kind = "infralint.json";

    public static void Read(InfraLintConfig config, DeploymentCollector collector)
    {
        if (config.Path is not { } path)
            return;
        foreach (var entry in config.Deployments)
        {
            var line = entry.Where.Line;
            var template = collector.ResolveFile(entry.Template, collector.Root, path, line);
            if (template is null)
                continue;
            var parameters = entry.Parameters is null ? null : collector.ResolveFile(entry.Parameters, collector.Root, path, line);
            if (entry.Parameters is not null && parameters is null)
                continue;
            var values = new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in entry.Values?.Properties() ?? [])
                values[property.Name] = TemplateValue.Known(property.Value.DeepClone());
            var declared = entry.Environment?.ToLowerInvariant() switch
            {
                "production" => new EnvironmentInfo(EnvironmentKind.Production, $"infralint.json deployment '{entry.Name}'"),
                "sandbox" => new EnvironmentInfo(EnvironmentKind.Sandbox, $"infralint.json deployment '{entry.Name}'"),
                _ => null,
            };
            var site = new DeploymentSite(entry.Name, path, Kind, null, declared is null ? entry.Environment : null, []);
            collector.AddResolved(site, line, template, parameters, values, false, declared, entry.Subscription, entry.ResourceGroup, entry.Location);
        }
    }
}
