using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Roles;

// A deployment script's identity needs rights to change infrastructure while the deployment runs.
// When the same identity is attached to the running app, every request the app serves carries those
// deployment rights: an injection or a leaked token in the app can rebuild the environment.
public sealed class DeploymentAndRuntimeIdentityRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3007",
        Title: "One identity both deploys (deployment scripts) and runs a workload",
        MessageFormat: "Identity '{0}' runs deployment script '{1}' and the workload '{2}'; give the deployment script an identity of its own",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Warning,
        Description: "A user-assigned identity is attached to a Microsoft.Resources/deploymentScripts resource (deployment time) and " +
            "to runtime compute such as a web, function or container app, a job, a container group or a virtual machine.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var (identity, resource) in template.DeclaredIdentities.Select(i => (i, i.Resource!)))
        {
            var script = identity.AttachedTo.FirstOrDefault(r => r.Is("Microsoft.Resources/deploymentScripts"));
            var workload = identity.AttachedTo.FirstOrDefault(RuntimeCompute.Is);
            if (script is not null && workload is not null)
                report.Report(Descriptor, resource, identity.Name, RuntimeCompute.Name(script), RuntimeCompute.Name(workload));
        }
    }
}
