using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Secrets;

// listKeys() and its relatives copy a service's master key into the app's configuration at every
// deployment: the key is readable by anyone who can read the app, it outlives every rotation
// plan, and it grants everything the key grants. Every service that hands out such keys also
// accepts the app's managed identity with a narrow role.
public sealed class ListedKeyInConfigurationRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA1002",
        Title: "Keys or connection strings from list*() flow into app configuration",
        MessageFormat: "{0} of '{1}' takes a key from {2}() of {3}; {4}",
        Category: RuleCategory.Secrets,
        DefaultSeverity: Severity.Warning,
        // A key copied from one resource into another's settings is an access path the trust graph draws.
        AboutAccess: true,
        Description: "The result of a list*() call (listKeys, listConnectionStrings, listCredentials, listSecrets, listAdminKeys, listQueryKeys) is copied into app settings, environment variables, connection strings or container app secrets, where the key sits in plain configuration.");

    private const string AnyService = "give the app a managed identity and grant it a role on the service instead";

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        foreach (var entry in template.Configuration)
        {
            if ((entry.Value ?? entry.ReferencedValue) is { } token && ListedKeys.In(template, token) is var (function, value))
                Report(template, report, entry.Owner, entry.Anchor, entry.Subject(), function, token, value);
        }
        foreach (var secret in template.ContainerSecrets)
        {
            if (secret.Value is { } token && ListedKeys.In(template, token) is var (function, value))
                Report(template, report, secret.Owner, secret.Anchor, SettingNames.Subject("Secret", secret.Name), function, token, value);
        }
    }

    private static void Report(TemplateModel template, FindingSink report, ResourceModel owner, JToken anchor, string subject,
        string function, JToken token, TemplateValue value)
    {
        var (service, alternative) = TargetService(template, token, value);
        report.ReportAt(Descriptor, owner, anchor, subject, owner.DisplayName, function, service, alternative);
    }

    // The service whose keys are listed: a resource type written in the expression (resourceId('Microsoft.Storage/…')),
    // or the symbolic name of a resource of this template (languageVersion 2.0: listKeys('storage', …)).
    // The first type with a known service (ResourceKinds.KeyServices) wins: the evidence comes best first (ListedKeys.TargetTypes).
    private static (string Service, string Alternative) TargetService(TemplateModel template, JToken token, TemplateValue value)
    {
        foreach (var type in ListedKeys.TargetTypes(template, token, value))
        {
            if (ResourceKinds.KeyServiceOf(type) is { } service)
                return (service.Name, service.AppAdvice);
        }
        return ("another resource", AnyService);
    }
}
