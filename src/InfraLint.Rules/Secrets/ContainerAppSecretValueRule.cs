using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Secrets;

// A container app secret with a value is stored in the app's configuration: anyone who can list the
// app's secrets reads it, every revision keeps it, and rotating it means redeploying. A secret with
// keyVaultUrl and an identity stays in Key Vault and follows its rotation.
public sealed class ContainerAppSecretValueRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA1004",
        Title: "Container App secret holds a value instead of a Key Vault reference",
        MessageFormat: "{0} of '{1}' holds its value in the app; reference a Key Vault secret with keyVaultUrl and identity instead",
        Category: RuleCategory.Secrets,
        DefaultSeverity: Severity.Warning,
        Description: "A Container Apps app or job stores a secret's value in its configuration instead of referencing a Key Vault secret through a managed identity (keyVaultUrl and identity).");

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var secret in template.ContainerSecrets)
        {
            if (Sets(template, secret.Value) && !Sets(template, secret.KeyVaultUrl))
                report.ReportAt(Descriptor, secret.Owner, secret.Anchor, SettingNames.Subject("Secret", secret.Name), secret.Owner.DisplayName);
        }
    }

    // Present and not known to be null or empty: an entry that only sometimes carries a value (a
    // value the template cannot evaluate) still declares the secret by value, and so does a @secure()
    // parameter whatever its default ('' is the placeholder for a value passed at deployment).
    private static bool Sets(TemplateModel template, JToken? token)
    {
        if (token is null)
            return false;
        var value = template.Evaluate(token);
        return value.Value is not (JValue { Type: JTokenType.Null } or JValue { Type: JTokenType.String, Value: "" }) ||
            SecureParameters.Reads(template, value);
    }
}
