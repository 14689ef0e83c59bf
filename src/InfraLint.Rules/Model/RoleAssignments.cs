using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>Helpers the role and environment rules share.</summary>
internal static class RoleAssignments
{
    /// <summary>
    /// Every user-assigned identity of the deployment that is the same resource as <paramref name="identity"/>
    /// (a declared identity and <c>existing</c> references to it in modules).
    /// </summary>
    public static IReadOnlyList<IdentityInfo> SameIdentity(DeploymentInfo deployment, IdentityInfo identity) =>
        deployment.Identities.Where(i => ReferenceEquals(i, identity) ||
            (i.Kind == IdentityKind.UserAssigned && identity is { Kind: IdentityKind.UserAssigned, Resource.EvaluatedName: { } name } &&
             string.Equals(i.Resource?.EvaluatedName, name, StringComparison.OrdinalIgnoreCase))).DefaultIfEmpty(identity).ToList();

    /// <summary>Reports at the <c>scope</c> property, or at the resource when the scope is the deployment's own.</summary>
    public static void ReportAtScope(FindingSink report, RuleDescriptor rule, RoleAssignmentInfo assignment, params object?[] args)
    {
        if (assignment.ScopeToken is { } scope)
            report.ReportAt(rule, assignment.Resource, scope, args);
        else
            report.Report(rule, assignment.Resource, args);
    }
}
