using InfraLint.Sdk;

namespace InfraLint.Rules.Environments;

// A deployment is one unit of change: one pipeline run, one identity, one approval. When it holds
// sandbox and production resources together, every sandbox tweak is a production release and the
// deploying identity needs rights in both. Deploy each environment on its own.
public sealed class MixedEnvironmentDeploymentRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA4002",
        Title: "One deployment contains both sandbox and production resources",
        MessageFormat: "'{0}' is {1} ({2}) but the same deployment also deploys {3} resource '{4}' ({5}); deploy each environment separately",
        Category: RuleCategory.Environments,
        DefaultSeverity: Severity.Warning,
        Description: "One entry file with its modules (or one parameters file) deploys resources classified as sandbox and as " +
            "production. Reported once, at the first resource whose environment differs from those before it.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        (ResourceModel Resource, EnvironmentInfo Environment)? first = null;
        foreach (var candidate in deployment.Templates.SelectMany(t => t.Resources))
        {
            if (candidate.IsExisting || candidate.Is("Microsoft.Resources/deployments"))
                continue;
            var environment = deployment.EnvironmentOf(candidate);
            if (!environment.IsKnown)
                continue;
            if (first is null)
            {
                first = (candidate, environment);
                continue;
            }
            if (environment.Kind == first.Value.Environment.Kind)
                continue;
            // Reported by the template that declares it, once per deployment.
            if (ReferenceEquals(deployment.TemplateOf(candidate), template))
            {
                report.Report(Descriptor, candidate, candidate.EvaluatedName ?? candidate.DisplayName, environment.Name, environment.Evidence,
                    first.Value.Environment.Name, first.Value.Resource.EvaluatedName ?? first.Value.Resource.DisplayName, first.Value.Environment.Evidence);
            }
            return;
        }
    }
}
