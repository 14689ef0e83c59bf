using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Roles;

// Write and role-granting rights in production are the grants an incident review asks about first:
// who decided this, and until when? An approval record next to the template answers that in the
// pull request, and a grant without one is caught before it reaches production.
public sealed class UnapprovedHighImpactGrantRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3005",
        Title: "High-impact production role assignment without an approval record",
        MessageFormat: "High-impact grant of '{0}' to {1} on production {2} has no approval record; add one to 'approvals' in infralint.json or grant less",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Warning,
        Description: "Where infralint.json declares approvals, a role assignment on a production scope whose role is privileged, " +
            "grants write or approve rights (configurable with approvalsRequiredFor) matches no approval record.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment?.Permissions is not { Approvals: { } approvals } policy)
            return;
        foreach (var assignment in template.RoleAssignments)
        {
            if (assignment.RoleToken is not { } roleToken || !policy.IsHighImpact(assignment) || !ApprovalMatch.For(approvals, assignment).IsMissing)
                continue;
            report.ReportAt(Descriptor, assignment.Resource, roleToken, assignment.RoleName, ApprovalMatch.PrincipalOf(assignment), assignment.Scope!.Description);
        }
    }
}
