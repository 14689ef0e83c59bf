using InfraLint.Rules.Model;
using InfraLint.Sdk;

namespace InfraLint.Rules.Secrets;

// A key pasted into app settings or environment variables sits in plain text in the resource's
// configuration, in every deployment's history and in every export of the template; a Key Vault
// reference, a secret reference or a managed identity removes it from there.
public sealed class SecretSettingRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA1001",
        Title: "Secret-shaped app setting or environment variable has a plain value",
        MessageFormat: "{0} of '{1}' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
        Category: RuleCategory.Secrets,
        DefaultSeverity: Severity.Warning,
        Description: "An app setting, connection string or container environment variable whose name says it holds a secret, " +
            "or whose value carries a credential, is set to a plain value instead of a Key Vault reference, a secret reference " +
            "or an identity-based connection.");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var entry in template.Configuration)
        {
            if (entry.IsSecretReference || entry.Value is null || (entry.Name is { } name && SecretShapes.IsIdentityBasedName(name)))
                continue;
            if (IsSecret(template, entry))
                report.ReportAt(Descriptor, entry.Owner, entry.Anchor, entry.Subject(), entry.Owner.DisplayName);
        }
    }

    private static bool IsSecret(TemplateModel template, ConfigurationEntry entry)
    {
        var value = template.Evaluate(entry.Value);
        if (entry.IsOpaque)
            return value.Literals.Any(l => SecretShapes.IsCredentialTemplate(l) || CredentialLiterals.Find(l) is not null); // only what its expression shows
        if (IsKeyVaultReference(value))
            return false;
        if (SecureParameters.Reads(template, value))
            return true; // a @secure() parameter is a secret whatever its name or default, and plain in config here
        var secretName = entry.Name is { } name && SecretShapes.IsSecretName(name);
        if (value.AsString is { } known)
        {
            if (known.Length == 0)
                return false; // an empty placeholder holds nothing
            if (SecretShapes.CarriesCredential(known) || CredentialLiterals.Find(known) is not null)
                return true;
            if (SecretShapes.IsCredentialFree(known))
                return false; // an endpoint, or a connection string that authenticates with an identity
            return secretName;
        }

        if (value.Literals.Any(l => SecretShapes.IsCredentialTemplate(l) || CredentialLiterals.Find(l) is not null))
            return true; // e.g. format('…;AccountKey={0}', listKeys(…).keys[0].value)
        if (value.Literals.Any(SecretShapes.IsCredentialFreeConnectionTemplate))
            return false; // e.g. format('AccountName={0};EndpointSuffix={1}', …): no key in it
        if (secretName)
            return true;
        // An entry of connectionStrings is a secret whatever its name when a parameter or a key function supplies it.
        return entry.Kind == ConfigurationKind.ConnectionString
            && (value.Parameters.Count > 0 || value.Functions.Any(f => f.StartsWith("list", StringComparison.Ordinal)));
    }

    private static bool IsKeyVaultReference(TemplateValue value) =>
        value.AsString is { } known
            ? known.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase)
            : value.Literals.Any(l => l.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase));
}
