using System.Globalization;
using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Roles;

// A budget is the team's written promise of how much an agent or experiment may ever hold. A template
// that grants more (a trigger right, a role nobody listed, a whole resource group) breaks that promise
// silently at deployment; at build time it is one line to narrow or one budget entry to discuss.
public sealed class PermissionBudgetRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3003",
        Title: "Role assignment exceeds the identity's declared permission budget",
        MessageFormat: "Grants {0}; the permission budget for '{1}' allows {2}",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Warning,
        Description: "A role assignment gives an identity named in the permissionBudgets of infralint.json an action class " +
            "(read, write, trigger, approve), a role or a scope wider than its budget allows.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment?.Permissions is not { Budgets.Count: > 0 } policy)
            return;
        foreach (var assignment in template.RoleAssignments)
        {
            if (assignment.Principal is not { } principal || policy.BudgetFor(principal) is not { } budget)
                continue;
            if (assignment is { Role: { } role, RoleToken: { } roleToken } && budget.Excess(role) is { } excess && excess != ActionClasses.None)
            {
                var granted = budget.AllowedActions is null ? $"'{role.Name}'" : $"{Classes(excess, quoted: true)} via '{role.Name}'";
                report.ReportAt(Descriptor, assignment.Resource, roleToken, granted, budget.Identity, Allowed(budget));
            }
            if (assignment.Scope is { } scope && budget.IsExceededBy(scope))
            {
                RoleAssignments.ReportAtScope(report, Descriptor, assignment, $"{(assignment.Role is { } known ? $"'{known.Name}'" : "a role")} on {scope.Description}", budget.Identity,
                    "nothing wider than " + Article(budget.WidestScope!.Value));
            }
        }
    }

    private static string Allowed(PermissionBudget budget)
    {
        var parts = new List<string>();
        if (budget.AllowedActions is { } actions)
            parts.Add(actions == ActionClasses.None ? "no action classes" : Classes(actions, quoted: false));
        if (budget.AllowedRoles is { Count: > 0 } roles)
            parts.Add((roles.Count == 1 ? "the role " : "the roles ") + string.Join(", ", roles.Select(r => $"'{r}'")));
        return parts.Count == 0 ? "no roles" : string.Join(", or ", parts);
    }

    private static string Classes(ActionClasses classes, bool quoted)
    {
        var names = new[] { ActionClasses.Read, ActionClasses.Write, ActionClasses.Trigger, ActionClasses.Approve }
            .Where(c => (classes & c) != 0)
            .Select(c => c.ToString().ToLower(CultureInfo.InvariantCulture))
            .Select(n => quoted ? $"'{n}'" : n)
            .ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    private static string Article(ScopeLevel level) => level switch
    {
        ScopeLevel.ResourceGroup => "a resource group",
        ScopeLevel.Subscription => "a subscription",
        _ => "a resource",
    };
}
