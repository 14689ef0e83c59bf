using System.Text.RegularExpressions;
using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Roles;

// Reusing one identity for unrelated services is convenient and quietly widens every one of them:
// each service holds the union of the rights all of them need, and a compromise of the least
// protected one reaches everything the others can. One identity per application keeps each grant
// attributable and each blast radius the size of one application.
public sealed partial class SharedIdentityUnrelatedWorkloadsRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA3009",
        Title: "One identity is shared by workloads of different applications",
        MessageFormat: "Identity '{0}' is shared by workloads of different applications ({1}) that need different rights; each of them holds the union: {2}; give each application its own identity",
        Category: RuleCategory.Roles,
        DefaultSeverity: Severity.Suggestion,
        Description: "A user-assigned identity is attached to runtime compute of different applications (different azd-service-name " +
            "or application tags, different name stems once environment and type affixes are removed, or, when names do not tell, " +
            "different modules that deploy one workload each) whose rights differ: " +
            "the roles on the resources each workload is configured with, and those of its other identities.");

    // Tags that name the application a resource belongs to, most specific first.
    private static readonly string[] ApplicationTags = ["azd-service-name", "application", "app", "app-name", "applicationName", "service", "workload"];

    // Name parts that say what kind of resource it is or where it runs, not which application (Azure abbreviations and common variants).
    private static readonly HashSet<string> Affixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "app", "apps", "func", "fn", "fa", "function", "functions", "web", "site", "wa", "ca", "caj", "cj", "aca", "job", "ci", "aci", "cg",
        "vm", "vmss", "aks", "logic", "la", "wf", "spring", "asa", "pool", "batch", "id", "mi", "uami", "identity",
        "sandbox", "sbx", "dev", "exp", "experiment", "poc", "test", "lab", "prod", "production", "prd", "live", "stg", "stage",
        "staging", "qa", "uat", "int", "shared", "main", "primary", "secondary",
        "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northeurope", "westeurope", "swedencentral", "uksouth",
        "ukwest", "francecentral", "germanywestcentral", "eus", "eus2", "wus", "wus2", "weu", "neu", "sdc", "uks",
    };

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        foreach (var (identity, resource) in template.DeclaredIdentities.Select(i => (i, i.Resource!)))
        {
            var same = RoleAssignments.SameIdentity(deployment, identity);
            var workloads = same.SelectMany(i => i.AttachedTo).Where(RuntimeCompute.Is).Distinct().ToList();
            if (workloads.Count < 2 || Applications(deployment, workloads) is not { } applications)
                continue;
            var grants = deployment.RoleAssignments.Where(a => a is { Principal: { } p, Role: not null } && same.Contains(p)).ToList();
            if (grants.Count == 0)
                continue;
            var needs = workloads.Select(w => Needs(deployment, w, grants, same)).ToList();
            if (needs.All(n => n.SetEquals(needs[0])))
                continue;
            var union = grants.Select(a => $"'{a.RoleName}' on {a.Scope?.Description ?? "an unknown scope"}").Distinct(StringComparer.Ordinal);
            report.Report(Descriptor, resource, identity.Name, applications, string.Join(", ", union));
        }
    }

    // "'app-orders' (tag 'azd-service-name' = 'orders'), 'func-billing' (…)" when the workloads belong to different
    // applications; null when they may be one application or InfraLint cannot tell.
    private static string? Applications(DeploymentInfo deployment, List<ResourceModel> workloads)
    {
        foreach (var tag in ApplicationTags)
        {
            var values = workloads.Select(w => TagValue(deployment, w, tag)).ToList();
            if (values.Any(v => v is null))
                continue;
            if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() < 2)
                return null; // the tag says they are one application
            return string.Join(", ", workloads.Select((w, i) => $"'{RuntimeCompute.Name(w)}' (tag '{tag}' = '{values[i]}')"));
        }
        var stems = workloads.Select(w => w.EvaluatedName is { } name ? Stem(name) : null).ToList();
        if (stems.Any(s => s is null || s.Count == 0))
            return Deployments(deployment, workloads);
        // One stem extending another (contoso-chat, contoso-chat-api) is one application's parts.
        for (var i = 0; i < stems.Count; i++)
        {
            for (var j = i + 1; j < stems.Count; j++)
            {
                if (IsPrefix(stems[i]!, stems[j]!) || IsPrefix(stems[j]!, stems[i]!))
                    return null;
            }
        }
        return string.Join(", ", workloads.Select((w, i) => $"'{RuntimeCompute.Name(w)}' (name stem '{string.Join("-", stems[i]!)}')"));
    }

    // When names do not tell: workloads that different modules deploy, one workload per module, count as different
    // applications. Two of them in one module (or one in the entry itself) may be one application, so nothing is said.
    private static string? Deployments(DeploymentInfo deployment, List<ResourceModel> workloads)
    {
        var modules = workloads.Select(w => deployment.TemplateOf(w) is { } template ? deployment.DeployedBy(template) : null).ToList();
        var names = modules.Select(m => m?.EvaluatedName ?? m?.SymbolicName).ToList();
        if (names.Any(n => n is null) || names.Distinct(StringComparer.OrdinalIgnoreCase).Count() < workloads.Count)
            return null;
        return string.Join(", ", workloads.Select((w, i) => $"'{RuntimeCompute.Name(w)}' (deployment '{names[i]}')"));
    }

    private static string? TagValue(DeploymentInfo deployment, ResourceModel resource, string key)
    {
        if (deployment.TemplateOf(resource) is not { } template || resource.Tags is null ||
            template.ResolvePartially(resource.Tags) is not JObject tags ||
            tags.Properties().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) is not { } tag)
            return null;
        return template.Evaluate(tag.Value).AsString is { Length: > 0 } value ? value : null;
    }

    private static List<string> Stem(string name) =>
        Token().Matches(name).Select(m => m.Value.ToLowerInvariant())
            .Where(t => !Affixes.Contains(t) && !t.All(char.IsAsciiDigit))
            .ToList();

    private static bool IsPrefix(List<string> shorter, List<string> longer) =>
        shorter.Count <= longer.Count && shorter.SequenceEqual(longer.Take(shorter.Count), StringComparer.Ordinal);

    // What one workload evidently needs: the shared identity's grants on resources its configuration names, and the
    // grants of its other identities.
    private static HashSet<string> Needs(DeploymentInfo deployment, ResourceModel workload, List<RoleAssignmentInfo> grants, IReadOnlyList<IdentityInfo> same)
    {
        var needs = new HashSet<string>(StringComparer.Ordinal);
        if (deployment.TemplateOf(workload) is not { } template)
            return needs;
        var values = (workload.Properties is JContainer properties ? properties.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String) : [])
            .Cast<JToken>().Concat(template.ConfigurationOf(workload).Where(e => e.Value is not null).Select(e => e.Value!));
        var referenced = values.SelectMany(v => deployment.References(template, v))
            .Select(r => $"{r.Type?.ToLowerInvariant()}/{r.Name.ToLowerInvariant()}").ToHashSet(StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            if (grant.Scope is { Level: ScopeLevel.Resource, ResourceType: { } type, Name: { } name } &&
                referenced.Contains($"{type.ToLowerInvariant()}/{name.ToLowerInvariant()}"))
                needs.Add(NeedKey(grant));
        }
        var others = deployment.Identities.Where(i => i.AttachedTo.Contains(workload) && !same.Contains(i));
        foreach (var grant in deployment.RoleAssignments.Where(a => a.Principal is { } p && others.Contains(p)))
            needs.Add(NeedKey(grant));
        return needs;
    }

    private static string NeedKey(RoleAssignmentInfo grant) => $"{grant.Role?.Id}|{grant.Scope?.Level}|{grant.Scope?.Name?.ToLowerInvariant()}";

    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
