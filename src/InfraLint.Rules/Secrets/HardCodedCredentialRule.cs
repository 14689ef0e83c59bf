using InfraLint.Rules.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Secrets;

// A credential written into a template or parameters file is in source control, in every clone,
// fork, build log and template export, for good: deleting the line does not remove it from
// history. Only rotating it does. Templates should carry references to secrets, never secrets.
public sealed class HardCodedCredentialRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "INFRA1003",
        Title: "Hard-coded credential literal (storage key, SAS, API key, token, private key)",
        MessageFormat: "Hard-coded {0} ({1} characters) in {2}; rotate it, then keep it in Key Vault or replace it with a managed identity",
        Category: RuleCategory.Secrets,
        DefaultSeverity: Severity.Warning,
        Description: "A template or parameters file contains a credential written as a literal: a storage or Cosmos DB account key, a SAS signature, an API key or token, a JWT or a private key.");

    private const string GenericKind = "secret";

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        var root = template.Template;
        foreach (var parameter in Declarations(root, "parameters"))
        {
            if (parameter.Value is JObject declaration && declaration.Property("defaultValue", StringComparison.OrdinalIgnoreCase) is { } defaultValue)
                Scan(template, defaultValue.Value, parameter.Name, false, (token, found) => report.ReportAt(Descriptor, token, found.Kind, found.Length, $"the default value of parameter '{parameter.Name}'"));
        }
        foreach (var variable in Declarations(root, "variables"))
        {
            Scan(template, variable.Value, variable.Name, false, (token, found) =>
            {
                if (InLoadedText(template, token) is { } line)
                    report.ReportAt(Descriptor, line, token, found.Kind, found.Length, $"'{Path.GetFileName(line.FilePath)}'");
                else if (IsGenerated(variable.Name))
                    report.ReportAt(Descriptor, token, found.Kind, found.Length, LoadedDataName(template, variable, token));
                else
                    report.ReportAt(Descriptor, token, found.Kind, found.Length, $"variable '{variable.Name}'");
            });
        }
        foreach (var resource in template.Resources)
        {
            var isVaultSecret = resource.Is("Microsoft.KeyVault/vaults/secrets");
            // One item of a loop holds its item's values where the template writes them (a variable's element): they
            // are reported there, under that name, by the scans above.
            var written = template.SourceOf(resource.Body);
            Func<JToken, bool> elsewhere = ReferenceEquals(written, resource.Body)
                ? _ => false
                : t => t is JValue && !template.SourceOf(t).Ancestors().Any(a => ReferenceEquals(a, written));
            foreach (var property in resource.Body.Properties())
            {
                if (property.Name.Equals("resources", StringComparison.OrdinalIgnoreCase))
                    continue; // child resources are resources of their own
                Scan(template, property.Value, property.Name, false, (token, found) =>
                    {
                        if (InLoadedText(template, token) is { } line)
                            report.ReportAt(Descriptor, resource, line, token, found.Kind, found.Length, $"'{Path.GetFileName(line.FilePath)}' loaded into '{resource.DisplayName}'");
                        else
                            report.ReportAt(Descriptor, resource, token, found.Kind, found.Length, $"'{PathIn(resource, token)}' of '{resource.DisplayName}'");
                    },
                    skip: t => IsNestedTemplate(resource, t) || elsewhere(t), secretValue: isVaultSecret ? resource.Properties.Child("value") : null);
            }
        }
        foreach (var output in Declarations(root, "outputs"))
        {
            if (output.Value is JObject declaration && declaration.Property("value", StringComparison.OrdinalIgnoreCase) is { } value)
                Scan(template, value.Value, output.Name, false, (token, found) => report.ReportAt(Descriptor, token, found.Kind, found.Length, $"output '{output.Name}'"));
        }
        foreach (var supplied in template.SuppliedParameters)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            Scan(template, supplied.Value, supplied.Name, false, (_, found) =>
            {
                if (reported.Add(found.Kind))
                    report.ReportAt(Descriptor, supplied, found.Kind, found.Length, $"parameter '{supplied.Name}' of the parameters file");
            });
        }
    }

    // The compiler's variables for loadJsonContent()/loadYamlContent() data ($fxv#0): no name a user wrote.
    private static bool IsGenerated(string variable) => variable.StartsWith("$fxv#", StringComparison.Ordinal);

    // Named after the file the data came from and the key, as the user sees them: 'openapi.json' at 'components.securitySchemes.key'.
    private static string LoadedDataName(TemplateModel template, JProperty variable, JToken token)
    {
        var key = token.Path.Length > variable.Value.Path.Length ? token.Path[variable.Value.Path.Length..].TrimStart('.') : string.Empty;
        var location = template.Locate(token);
        var file = location.FilePath != template.FilePath ? $"'{Path.GetFileName(location.FilePath)}'" : "a file loaded with load*Content()";
        return key.Length > 0 ? $"{file} at '{key}'" : file;
    }

    // A credential inside text a template loads with loadTextContent(): at its own line of that file.
    private static SourceLocation? InLoadedText(TemplateModel template, JToken token)
    {
        var value = token is JProperty property ? property.Value : token;
        if (value is not JValue { Type: JTokenType.String } text || template.LoadedFileOf(value) is not { } file)
            return null;
        var lines = ((string)text!).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (CredentialLiterals.Find(lines[i]) is not null || lines[i].Contains("PRIVATE KEY-----", StringComparison.Ordinal))
                return new SourceLocation(file, i + 1, lines[i].Length - lines[i].TrimStart().Length + 1);
        }
        return new SourceLocation(file, 1, 1);
    }

    private static IEnumerable<JProperty> Declarations(JObject root, string section) =>
        root.GetValue(section, StringComparison.OrdinalIgnoreCase) is JObject declarations ? declarations.Properties() : [];

    // A module's or nested deployment's inline template is analysed as a template of its own.
    private static bool IsNestedTemplate(ResourceModel resource, JToken token) =>
        resource.Is("Microsoft.Resources/deployments") && token.Parent is JProperty { Name: var name } && name.Equals("template", StringComparison.OrdinalIgnoreCase)
        && ReferenceEquals(token.Parent.Parent?.Parent, resource.Body.Property("properties", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Walks <paramref name="token"/> and calls <paramref name="found"/> for each credential literal, with the
    /// token to point at (a property, so that findings land on its key). <paramref name="name"/> is the name
    /// the value is written under: a property key, or the <c>name</c> of a <c>{ name, value }</c> entry.
    /// </summary>
    private static void Scan(TemplateModel template, JToken token, string name, bool secretContext, Action<JToken, CredentialLiteral> found,
        Func<JToken, bool>? skip = null, JToken? secretValue = null, int depth = 0, bool example = false)
    {
        if (depth > 64 || (skip?.Invoke(token) ?? false))
            return;
        secretContext |= ReferenceEquals(token, secretValue);
        switch (token)
        {
            case JObject obj:
                var entryName = obj.Property("name", StringComparison.OrdinalIgnoreCase)?.Value is JValue { Type: JTokenType.String } n
                    && !template.ReadString((string)n!).IsExpression ? (string)n! : null;
                foreach (var property in obj.Properties())
                {
                    // { name: 'X', value: … } and X: { value: … } (parameter values, connection strings) write a value under X.
                    var inner = property.Name.Equals("value", StringComparison.OrdinalIgnoreCase) ? entryName ?? name : property.Name;
                    Scan(template, property.Value, inner, false, found, skip, secretValue, depth + 1, example || IsExample(property.Name));
                }
                break;
            case JArray array:
                foreach (var item in array)
                    Scan(template, item, name, secretContext, found, skip, secretValue, depth + 1, example);
                break;
            case JValue { Type: JTokenType.String } value:
                if (Credential(template, (string)value!, name, secretContext, example) is { } credential)
                    found(value.Parent is JProperty property ? property : value, credential);
                break;
        }
    }

    // OpenAPI and JSON Schema examples show what a value looks like: only a credential of a known shape counts there.
    private static bool IsExample(string property) =>
        property is "example" or "examples" or "x-example" or "x-examples" or "x-ms-examples";

    private static CredentialLiteral? Credential(TemplateModel template, string text, string name, bool secretContext, bool example)
    {
        var written = template.ReadString(text);
        if (written.IsExpression)
        {
            // Each literal, then all of them joined, as concat('…;SharedAccessKey=', '<key>') writes one.
            var literals = written.ExpressionLiterals;
            return literals.Append(string.Concat(literals)).Select(CredentialLiterals.Find).FirstOrDefault(c => c is not null);
        }
        var literal = written.Literal!;
        if (CredentialLiterals.Find(literal) is { } known)
            return known;
        // A property called just 'key' is the label of a { key, value } entry (tags, enrichments, key-values), not a key.
        if (example)
            return null;
        var secretShaped = secretContext || (SecretShapes.IsSecretName(name) && !name.Equals("key", StringComparison.OrdinalIgnoreCase))
            || name.Equals("secureValue", StringComparison.OrdinalIgnoreCase);
        return secretShaped && !SecretShapes.IsIdentityBasedName(name) && !SecretShapes.IsCredentialFree(literal) && CredentialLiterals.LooksRandom(literal)
            ? new CredentialLiteral(GenericKind, literal.Length)
            : null;
    }

    private static string PathIn(ResourceModel resource, JToken token)
    {
        var path = token.Path;
        var prefix = resource.Body.Path;
        return prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..].TrimStart('.') : path;
    }
}
