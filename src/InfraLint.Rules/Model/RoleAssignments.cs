using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>Helpers the role and environment rules share.</summary>
internal static class RoleAssignments
{
    /// <summary>The role assignments declared in <paramref name="template"/> (its deployment links them).</summary>
    public static IEnumerable<RoleAssignmentInfo> In(TemplateModel template) =>
        template.Deployment?.RoleAssignments.Where(a => ReferenceEquals(a.Template, template)) ?? [];

    /// <summary>Reports at the <c>scope</c> property, or at the resource when the scope is the deployment's own.</summary>
    public static void ReportAtScope(FindingSink report, RuleDescriptor rule, RoleAssignmentInfo assignment, params object?[] args)
    {
        if (assignment.ScopeToken is { } scope)
            report.ReportAt(rule, assignment.Resource, scope, args);
        else
            report.Report(rule, assignment.Resource, args);
    }
}
