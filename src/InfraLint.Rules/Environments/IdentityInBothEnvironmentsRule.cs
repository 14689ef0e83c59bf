using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Environments;

// One identity used in both environments is a bridge: whatever can act as it in the sandbox (an
// experiment, a test container, a developer with access to the sandbox) acts in production too.
// One identity per environment keeps each grant where it belongs.
public sealed class IdentityInBothEnvironmentsRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA4003",
        Title: "One identity is trusted in both sandbox and production",
        MessageFormat: "Identity '{0}' is trusted in sandbox ({1}) and in production ({2}); use one identity per environment",
        Category: RuleCategory.Environments,
        DefaultSeverity: Severity.Warning,
        Description: "The same user-assigned identity is attached to, or holds roles in, both sandbox and production resources.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        foreach (var (identity, resource) in template.DeclaredIdentities.Select(i => (i, i.Resource!)))
        {
            var uses = identity.AttachedTo
                .Select(r => (What: $"runs '{r.EvaluatedName ?? r.DisplayName}'", Environment: deployment.EnvironmentOf(r)))
                .Concat(deployment.RoleAssignments
                    .Where(a => ReferenceEquals(a.Principal, identity) && a.Scope is not null)
                    .Select(a => (What: $"'{a.RoleName}' on {a.Scope!.Description}", a.Scope!.Environment)))
                .ToList();
            var sandbox = uses.FirstOrDefault(u => u.Environment.IsSandbox);
            var production = uses.FirstOrDefault(u => u.Environment.IsProduction);
            if (sandbox.What is not null && production.What is not null)
                report.Report(Descriptor, resource, identity.Name, sandbox.What, production.What);
        }
    }
}
