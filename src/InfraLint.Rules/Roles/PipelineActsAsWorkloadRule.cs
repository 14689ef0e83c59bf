using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Roles;

// A federated credential lets a CI job trade its own token for the identity's. When that identity is
// also what the production app runs as, every workflow run (and whoever can change the workflow)
// holds the workload's long-lived runtime trust; when any pull request or any branch satisfies the
// subject, anyone who can open a pull request holds the identity's write rights.
public sealed class PipelineActsAsWorkloadRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3008",
        Title: "A pipeline can act as a runtime identity",
        MessageFormat: "Federated credential '{0}' lets {1} act as identity '{2}', {3}; {4}",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Warning,
        Description: "A federated identity credential (GitHub Actions, Azure DevOps, GitLab or another issuer) is added to a " +
            "user-assigned identity that runtime compute also runs as, or its subject is satisfied by any pull request or any " +
            "branch (a pull_request subject, a wildcard, a flexible claims expression) while the identity holds write, trigger " +
            "or approve rights.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        var credentials = FederatedCredentials.Of(template).ToList();
        foreach (var credential in credentials)
        {
            if (credential is not { Identity: { } identity, IsKubernetes: false, System: { } system })
                continue;
            var same = RoleAssignments.SameIdentity(deployment, identity);
            var reasons = new List<string>();
            var fixes = new List<string>();
            if (RuntimeUse(deployment, same, credential) is { } runtime)
            {
                reasons.Add(runtime);
                fixes.Add("give the pipeline an identity of its own");
            }
            if (Breadth(credential) is { } breadth && Rights(deployment, same) is { } rights)
            {
                reasons.Add($"{breadth} can use it while the identity can {rights}");
                fixes.Add("limit the subject to a protected branch or environment");
            }
            if (reasons.Count == 0)
                continue;
            var message = string.Join(", and ", reasons);
            var fix = string.Join(" and ", fixes);
            if (credential.Anchor is { } anchor)
                report.ReportAt(Descriptor, credential.Resource, anchor, credential.Name, system, identity.Name, message, fix);
            else
                report.Report(Descriptor, credential.Resource, credential.Name, system, identity.Name, message, fix);
        }
    }

    private static string? RuntimeUse(DeploymentInfo deployment, IReadOnlyList<IdentityInfo> same, FederatedCredential credential)
    {
        if (same.SelectMany(i => i.AttachedTo).FirstOrDefault(RuntimeCompute.Is) is { } compute)
            return $"which '{RuntimeCompute.Name(compute)}' runs as";
        // A Kubernetes service account federated to the same identity is the workload running as it (AKS workload identity).
        var pods = deployment.Templates.SelectMany(FederatedCredentials.Of)
            .FirstOrDefault(c => c.IsKubernetes && c.Identity is { } other && same.Contains(other) && !ReferenceEquals(c.Resource, credential.Resource));
        return pods is null ? null : $"which the Kubernetes workload '{pods.Subject.FirstOrDefault() ?? pods.Name}' runs as";
    }

    // What lets more than one reviewed ref through: a pull_request subject, a wildcard (flexible credentials).
    private static string? Breadth(FederatedCredential credential)
    {
        foreach (var subject in credential.Subject)
        {
            if (subject.EndsWith(":pull_request", StringComparison.Ordinal))
                return $"any pull request (subject '{subject}')";
            if (subject.Contains("refs/heads/*", StringComparison.Ordinal) || subject.Contains(":ref:*", StringComparison.Ordinal))
                return $"any branch (subject '{subject}')";
            if (subject.Contains('*', StringComparison.Ordinal))
                return $"anything matching the wildcard subject '{subject}'";
        }
        return null;
    }

    private static string? Rights(DeploymentInfo deployment, IReadOnlyList<IdentityInfo> same)
    {
        var grant = deployment.RoleAssignments.FirstOrDefault(a => a is { Principal: { } p, Role: { } role } && same.Contains(p) && role.Grants(ActionClassNames.Execution));
        if (grant is null)
            return null;
        return $"{ActionClassNames.Execute(grant.Role!.Classes!.Value)} through '{grant.RoleName}' on {grant.Scope?.Description ?? "an unknown scope"}";
    }
}
