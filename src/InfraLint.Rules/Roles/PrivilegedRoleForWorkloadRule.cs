using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Roles;

// A workload identity runs unattended with whatever its code decides to do. Owner, Contributor and the
// role administrators let it change or delete anything in scope, or grant itself more: one bug or one
// stolen token becomes control of the environment. Data-plane roles on the resources it uses are enough.
public sealed class PrivilegedRoleForWorkloadRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3002",
        Title: "Privileged role (Owner, Contributor, User Access Administrator, RBAC Administrator) granted to a workload identity",
        MessageFormat: "Workload identity '{0}' is granted privileged role '{1}' on {2}; grant a narrower role for what it does",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Warning,
        Description: "A managed identity or service principal is granted Owner, Contributor, User Access Administrator, Role Based " +
            "Access Control Administrator, or a custom role with '*' or Microsoft.Authorization write actions, at any scope.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var assignment in template.RoleAssignments)
        {
            if (!assignment.IsWorkload || assignment.Role is not { IsPrivileged: true } role || assignment.RoleToken is null)
                continue;
            var principal = assignment.Principal?.Name ?? "service principal";
            report.ReportAt(Descriptor, assignment.Resource, assignment.RoleToken, principal, role.Name, assignment.Scope?.Description ?? "its scope");
        }
    }
}
