using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Roles;

// An experiment's identity runs code that changes every week and is reviewed least. A role on a
// whole resource group (or wider) hands it every resource that lands there later, including the
// ones nobody meant it to touch; a role on the one resource it needs keeps the blast radius known.
public sealed class ExperimentIdentityWideScopeRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3001",
        Title: "Experiment or sandbox identity holds a role at resource-group scope or wider",
        MessageFormat: "Experiment identity '{0}' is granted '{1}' on {2}; grant a role on the resource it needs instead",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Warning,
        Description: "A role assignment gives an identity classified as experiment or sandbox (by tags, names, parameter names " +
            "or infralint.json) a role on a resource group, subscription or management group instead of on the resources it uses.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var assignment in template.RoleAssignments)
        {
            if (assignment is not { Principal.Environment.IsSandbox: true, Scope: { Level: >= ScopeLevel.ResourceGroup } scope })
                continue;
            RoleAssignments.ReportAtScope(report, Descriptor, assignment, assignment.Principal.Name, assignment.RoleName, scope.Description);
        }
    }
}
