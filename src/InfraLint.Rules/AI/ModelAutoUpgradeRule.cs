using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.AI;

// A model deployment that upgrades itself changes the model behind a production app without a
// change, a review or a deployment: answers, formats, refusals and costs shift overnight. Pinning
// the version makes a model swap a change like any other, tested before it ships.
public sealed class ModelAutoUpgradeRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA5001",
        Title: "AI model deployment upgrades its model version automatically",
        MessageFormat: "Model deployment '{0}' {1}; pin model.version and set versionUpgradeOption to NoAutoUpgrade",
        Category: RuleCategory.AI,
        DefaultSeverity: Severity.Warning,
        Description: "An Azure OpenAI or AI Services model deployment lets Azure change its model version automatically, or does not pin a version, so the model under a production app can change without a review.");

    private const string NoAutoUpgrade = "NoAutoUpgrade";

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var deployment in template.Resources.Where(r => !r.IsExisting && r.Is("Microsoft.CognitiveServices/accounts/deployments")))
        {
            var properties = deployment.Properties is null ? new JObject() : template.Resolve(deployment.Properties) as JObject;
            if (properties is null)
                continue; // properties built by an expression InfraLint cannot follow
            var unpinned = VersionIsMissing(template, properties);
            var option = properties.Property("versionUpgradeOption", StringComparison.OrdinalIgnoreCase);
            if (option is null)
            {
                report.Report(Descriptor, deployment, deployment.DisplayName,
                    "does not set versionUpgradeOption, which defaults to OnceNewDefaultVersionAvailable" + (unpinned ? ", and does not pin model.version" : string.Empty));
                continue;
            }
            var evaluated = template.Evaluate(option.Value).Value;
            var value = evaluated?.Type == JTokenType.String ? (string?)evaluated : null;
            if (evaluated is JValue { Type: JTokenType.Null })
                report.ReportAt(Descriptor, deployment, option, deployment.DisplayName, "sets versionUpgradeOption to null, which means OnceNewDefaultVersionAvailable");
            else if (value is not null && !value.Equals(NoAutoUpgrade, StringComparison.OrdinalIgnoreCase))
                report.ReportAt(Descriptor, deployment, option, deployment.DisplayName, $"sets versionUpgradeOption to {value}");
            else if (unpinned)
                report.Report(Descriptor, deployment, deployment.DisplayName, "does not pin model.version, so it gets whatever version is the default when it is deployed");
        }
    }

    // Only a model object InfraLint knows can be missing its version; a model from a parameter without a default is unknown.
    private static bool VersionIsMissing(TemplateModel template, JObject properties)
    {
        if (properties.Property("model", StringComparison.OrdinalIgnoreCase)?.Value is not { } modelToken || template.Resolve(modelToken) is not JObject model)
            return false;
        if (model.Property("version", StringComparison.OrdinalIgnoreCase) is not { } version)
            return true;
        return template.Evaluate(version.Value).Value is JValue { Type: JTokenType.Null } or JValue { Type: JTokenType.String, Value: "" };
    }
}
