using System.Text.RegularExpressions;
using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Secrets;

// A secret in Key Vault is only as private as the set of identities that can read it. Every extra
// reader is one more workload whose compromise leaks it, and a reader from the sandbox turns the
// least-reviewed code into a path to production credentials; one secret used by apps of both
// environments means a sandbox leak unlocks production.
public sealed partial class SecretReadersRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA1006",
        Title: "Key Vault secrets are readable too widely or shared across environments",
        MessageFormat: "{0}: {1}; {2}",
        Category: RuleCategory.Secrets,
        DefaultSeverity: Severity.Warning,
        // Who can read a vault's secrets is access: the trust graph draws the vault.
        AboutAccess: true,
        Description: "A Key Vault's secrets can be read (Key Vault Secrets User or Officer, Key Vault Administrator, a custom role " +
            "with secret read data actions, or an access policy with get on secrets) by identities of both sandbox and production, " +
            "or by more workload identities than secretReaders.max in infralint.json (default 3); or the same secret, or the same " +
            "list*() key, is used by apps of both environments.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (template.Deployment is not { } deployment)
            return;
        var max = deployment.Permissions.SecretReadersMax;
        foreach (var vault in SecretReaders.Of(deployment).GroupBy(g => g.Vault, StringComparer.Ordinal))
        {
            var grants = vault.ToList();
            if (MixedEnvironments(grants) is var (mixing, earlier) && ReferenceEquals(mixing.Template, template))
                Report(report, mixing, $"{GrantPhrase(mixing)} can read its secrets, and so can {GrantPhrase(earlier)}",
                    "keep one vault (and one set of secrets) per environment");
            if (OverMax(grants, max) is var (over, readers) && ReferenceEquals(over.Template, template))
                Report(report, over, $"{GrantPhrase(over)} makes {readers.Count} workload identities that can read its secrets " +
                    $"({string.Join(", ", readers.Select(r => $"'{r.Name}'"))}), more than secretReaders.max {max}",
                    "give each workload its own secrets (or vault), or raise secretReaders.max in infralint.json deliberately");
        }
        foreach (var shared in SharedSecrets(deployment, template))
            report.ReportAt(Descriptor, shared.Owner, shared.Anchor, shared.Store, shared.Message,
                "give each environment its own secret, so that a sandbox leak does not unlock production");
    }

    private static void Report(FindingSink report, SecretReadGrant grant, string what, string fix)
    {
        if (grant.Anchor is { } anchor)
            report.ReportAt(Descriptor, grant.Owner, anchor, $"Key Vault '{grant.VaultName}'", what, fix);
        else
            report.Report(Descriptor, grant.Owner, $"Key Vault '{grant.VaultName}'", what, fix);
    }

    private static string GrantPhrase(SecretReadGrant grant) =>
        (grant.Reader.Environment.IsKnown ? $"{grant.Reader.Environment.Name} identity '{grant.Reader.Name}' ({grant.Reader.Environment.Evidence})" : $"'{grant.Reader.Name}'") +
        $" through {grant.How}";

    // The first new reader whose environment differs from an earlier reader's.
    private static (SecretReadGrant Grant, SecretReadGrant Earlier)? MixedEnvironments(List<SecretReadGrant> grants)
    {
        var seen = new List<SecretReadGrant>();
        foreach (var grant in grants.Where(g => g.Reader.Environment.IsKnown))
        {
            if (seen.Any(s => ReferenceEquals(s.Reader, grant.Reader)))
                continue;
            if (seen.FirstOrDefault(s => s.Reader.Environment.Kind != grant.Reader.Environment.Kind) is { } earlier)
                return (grant, earlier);
            seen.Add(grant);
        }
        return null;
    }

    // The grant that adds the workload reader one past the maximum.
    private static (SecretReadGrant Grant, List<IdentityInfo> Readers)? OverMax(List<SecretReadGrant> grants, int max)
    {
        var readers = new List<IdentityInfo>();
        SecretReadGrant? over = null;
        foreach (var grant in grants.Where(g => g.Reader.IsWorkload))
        {
            if (readers.Any(r => ReferenceEquals(r, grant.Reader)))
                continue;
            readers.Add(grant.Reader);
            if (readers.Count == max + 1)
                over = grant;
        }
        return over is null ? null : (over, readers);
    }

    private sealed record SecretUse(string Key, string Store, string Secret, ResourceModel Owner, TemplateModel Template, JToken Anchor, EnvironmentInfo Environment);

    private sealed record SharedSecret(ResourceModel Owner, JToken Anchor, string Store, string Message);

    // The same secret (vault and name, or list*() key) configured in apps of both environments: reported at the first
    // use whose app's environment differs from an earlier one's.
    private static IEnumerable<SharedSecret> SharedSecrets(DeploymentInfo deployment, TemplateModel template)
    {
        var uses = deployment.Templates.SelectMany(t => Uses(deployment, t)).Where(u => u.Environment.IsKnown).ToList();
        foreach (var group in uses.GroupBy(u => u.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            if (group.FirstOrDefault(u => u.Environment.Kind != first.Environment.Kind) is not { } other || !ReferenceEquals(other.Template, template))
                continue;
            yield return new SharedSecret(other.Owner, other.Anchor, first.Store,
                $"{first.Secret} is used by {first.Environment.Name} app '{Name(first.Owner)}' ({first.Environment.Evidence}) and by " +
                $"{other.Environment.Name} app '{Name(other.Owner)}' ({other.Environment.Evidence})");
        }
    }

    private static IEnumerable<SecretUse> Uses(DeploymentInfo deployment, TemplateModel template)
    {
        var values = template.Configuration.Where(e => e.Value is not null).Select(e => (e.Owner, Anchor: e.Anchor, Value: e.Value!))
            .Concat(ContainerAppSecrets(template));
        foreach (var (owner, anchor, value) in values)
        {
            if (Use(deployment, template, owner, anchor, value) is { } use)
                yield return use;
        }
    }

    private static IEnumerable<(ResourceModel Owner, JToken Anchor, JToken Value)> ContainerAppSecrets(TemplateModel template)
    {
        foreach (var app in template.Resources.Where(r => !r.IsExisting && r.IsIn(ResourceKinds.ContainerApps)))
        {
            var secrets = template.ResolvePartially(app.Properties.Child("configuration").Child("secrets") ?? new JArray());
            foreach (var secret in (secrets as JArray ?? []).OfType<JObject>())
            {
                if ((secret.Property("keyVaultUrl", StringComparison.OrdinalIgnoreCase) ?? secret.Property("value", StringComparison.OrdinalIgnoreCase)) is { } value)
                    yield return (app, (JToken?)secret.Property("name", StringComparison.OrdinalIgnoreCase) ?? value, value.Value);
            }
        }
    }

    private static SecretUse? Use(DeploymentInfo deployment, TemplateModel template, ResourceModel owner, JToken anchor, JToken value)
    {
        var environment = deployment.EnvironmentOf(owner);
        if (ListedKeys.In(template, value) is { } listed)
        {
            var target = deployment.References(template, value).FirstOrDefault(r => r.Type is not null && !r.Type.StartsWith("Microsoft.KeyVault/", StringComparison.OrdinalIgnoreCase));
            if (target is null)
                return null;
            return new SecretUse($"list:{target.Type!.ToLowerInvariant()}/{target.Name.ToLowerInvariant()}:{listed.Function.ToLowerInvariant()}",
                $"'{target.Name}' ({target.Type})", $"its {listed.Function}() key", owner, template, anchor, environment);
        }
        var evaluated = template.Evaluate(value);
        IReadOnlyCollection<string> texts = evaluated.AsString is { } known ? [known] : evaluated.Literals;
        if (texts.Select(SecretName).OfType<string>().FirstOrDefault() is not { } secret)
            return null;
        var vault = texts.Select(t => VaultName().Match(t)).FirstOrDefault(m => m.Success)?.Groups["vault"].Value
            ?? deployment.References(template, value).FirstOrDefault(r => string.Equals(r.Type, "Microsoft.KeyVault/vaults", StringComparison.OrdinalIgnoreCase))?.Name;
        if (vault is null)
            return null;
        return new SecretUse($"kv:{vault.ToLowerInvariant()}/{secret.ToLowerInvariant()}", $"Key Vault '{vault}'", $"secret '{secret}'", owner, template, anchor, environment);
    }

    // SecretUri=https://kv.vault.azure.net/secrets/name/version, a keyVaultUrl, or SecretName=name.
    private static string? SecretName(string text)
    {
        if (SecretPath().Match(text) is { Success: true } path)
            return path.Groups["name"].Value;
        return text.Contains("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) && SecretNameSetting().Match(text) is { Success: true } setting
            ? setting.Groups["name"].Value
            : null;
    }

    private static string Name(ResourceModel resource) => resource.EvaluatedName ?? resource.DisplayName;

    [GeneratedRegex(@"secrets/(?<name>[0-9A-Za-z-]{1,127})(/|\)|$)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SecretPath();

    [GeneratedRegex(@"SecretName=(?<name>[0-9A-Za-z-]{1,127})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex SecretNameSetting();

    [GeneratedRegex(@"VaultName=(?<vault>[0-9A-Za-z-]{3,24})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex VaultName();
}
