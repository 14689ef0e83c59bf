using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>Builds <see cref="TemplateModel.ContainerSecrets"/>: the secrets of Container Apps and Container Apps jobs, following variables.</summary>
internal static class ContainerSecretReader
{
    public static IEnumerable<ContainerSecret> Of(TemplateModel template)
    {
        foreach (var owner in template.Resources.Where(r => !r.IsExisting && r.IsIn(ResourceKinds.ContainerApps)))
        {
            var configuration = Resolve(template, owner.Properties.Child("configuration"));
            if (Resolve(template, configuration.Child("secrets")) is not JArray secrets)
                continue;
            foreach (var secret in secrets.Select(s => Resolve(template, s)).OfType<JObject>())
            {
                var name = secret.Property("name", StringComparison.OrdinalIgnoreCase);
                yield return new ContainerSecret(owner, (JToken?)name ?? secret, template.Evaluate(name?.Value).AsString,
                    Value(secret, "value"), Value(secret, "keyVaultUrl"), Value(secret, "identity"));
            }
        }
    }

    private static JToken? Value(JObject secret, string property) => secret.Property(property, StringComparison.OrdinalIgnoreCase)?.Value;

    // What the template may deploy: settings merged with unknown parts or chosen by an unknown condition are still read.
    private static JToken? Resolve(TemplateModel template, JToken? token) => token is null ? null : template.ResolvePartially(token);
}
