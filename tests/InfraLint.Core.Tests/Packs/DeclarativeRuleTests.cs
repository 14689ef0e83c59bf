using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests.Packs;

/// <summary>Each operator of a declarative rule, over ARM JSON with known, missing and unknown values.</summary>
[TestClass]
public sealed class DeclarativeRuleTests
{
    // alpha and beta have known values; gamma's come from parameters without defaults, so they are unknown.
    private const string Resources = """
        [
          {
            "type": "Test.Provider/alphas",
            "apiVersion": "2024-01-01",
            "name": "alpha",
            "location": "westeurope",
            "tags": { "env": "prod" },
            "sku": { "name": "Standard_LRS" },
            "properties": {
              "capacity": 10,
              "rules": [
                { "name": "a", "action": "Allow" },
                { "name": "b", "action": "Deny" }
              ]
            }
          },
          {
            "type": "Test.Provider/betas",
            "apiVersion": "2024-01-01",
            "name": "beta",
            "location": "eastus",
            "tags": {},
            "sku": { "name": "Free" },
            "properties": { "capacity": 100, "rules": [] }
          },
          {
            "type": "Test.Provider/gammas",
            "apiVersion": "2024-01-01",
            "name": "gamma",
            "location": "[parameters('unknownLocation')]",
            "sku": { "name": "[parameters('unknownSku')]" },
            "properties": { "capacity": "[parameters('unknownCapacity')]", "rules": "[parameters('unknownRules')]" }
          }
        ]
        """;

    private const string Parameters = """
        { "unknownLocation": { "type": "string" }, "unknownSku": { "type": "string" },
          "unknownCapacity": { "type": "int" }, "unknownRules": { "type": "array" } }
        """;

    /// <param name="assert">The rule's assert condition.</param>
    /// <param name="expected">Findings as resource@text-on-the-line: the line holds that text.</param>
    [TestMethod]
    [DataRow("""{ "path": "location", "equals": "westeurope" }""", "beta@\"location\": \"eastus\"")]
    [DataRow("""{ "path": "sku.name", "notEquals": "Free" }""", "beta@\"name\": \"Free\"")]
    [DataRow("""{ "path": "location", "in": ["westeurope", "northeurope"] }""", "beta@\"location\": \"eastus\"")]
    [DataRow("""{ "path": "sku.name", "notIn": ["Free", "F1"] }""", "beta@\"name\": \"Free\"")]
    [DataRow("""{ "path": "tags.env", "exists": true }""", "beta@Test.Provider/betas", "gamma@Test.Provider/gammas")]
    [DataRow("""{ "path": "tags.env", "exists": false }""", "alpha@\"env\": \"prod\"")]
    [DataRow("""{ "path": "name", "regex": "^a" }""", "beta@\"name\": \"beta\"", "gamma@\"name\": \"gamma\"")]
    [DataRow("""{ "path": "name", "regex": "(?i)^A" }""", "beta@\"name\": \"beta\"", "gamma@\"name\": \"gamma\"")]
    [DataRow("""{ "path": "properties.capacity", "greater": 50 }""", "alpha@\"capacity\": 10")]
    [DataRow("""{ "path": "properties.capacity", "less": 50 }""", "beta@\"capacity\": 100")]
    [DataRow("""{ "path": "apiVersion", "greater": "2024-06-01" }""", "alpha@\"apiVersion\"", "beta@\"apiVersion\"", "gamma@\"apiVersion\"")]
    [DataRow("""{ "allOf": [ { "path": "location", "equals": "westeurope" }, { "path": "sku.name", "notEquals": "Free" } ] }""", "beta@\"location\": \"eastus\"")]
    [DataRow("""{ "allOf": [ { "path": "sku.name", "notEquals": "Free" }, { "path": "location", "equals": "westeurope" } ] }""", "beta@\"name\": \"Free\"")]
    [DataRow("""{ "anyOf": [ { "path": "location", "equals": "northeurope" }, { "path": "sku.name", "equals": "Standard_LRS" } ] }""", "beta@\"location\": \"eastus\"")]
    [DataRow("""{ "not": { "path": "sku.name", "equals": "free" } }""", "beta@\"name\": \"Free\"")]
    [DataRow("""{ "not": { "anyOf": [ { "path": "location", "equals": "eastus" }, { "path": "sku.name", "equals": "Free" } ] } }""", "beta@\"location\": \"eastus\"")]
    [DataRow("""{ "path": "properties.rules[*].action", "equals": "Allow" }""", "alpha@{ \"name\": \"b\", \"action\": \"Deny\" }")]
    [DataRow("""{ "path": "properties.rules[0].name", "equals": "a" }""", "beta@Test.Provider/betas")]
    [DataRow("""{ "path": "properties.rules[1]", "exists": false }""", "alpha@{ \"name\": \"b\"")]
    public void Operator_reports_where_the_value_breaks_the_condition(string assert, params string[] expected)
    {
        using var dir = new TempDirectory();
        var template = PackRun.ArmTemplate(dir, Resources, Parameters);
        PackRun.Pack(dir, $$"""[{ "id": "TEST0001", "title": "Test", "message": "{name}", "resourceTypes": "Test.Provider/*", "assert": {{assert}} }]""");

        var result = PackRun.Analyze(dir, [Path.Combine(dir.Path, "packs", "test.infralint-rules.json")]);

        var lines = File.ReadAllLines(template);
        var actual = result.Findings.Select(f => $"{f.Message}@{f.Location!.Line}").ToArray();
        var wanted = expected.Select(e => e.Split('@', 2)).Select(e => $"{e[0]}@{LineOf(lines, e[0], e[1])}").ToArray();
        CollectionAssert.AreEquivalent(wanted, actual, string.Join(", ", result.Findings.Select(f => $"{f.Id} {f.Message} {f.Location}")));
    }

    // The line with the text inside the resource named name.
    private static int LineOf(string[] lines, string resource, string text)
    {
        var start = Array.FindIndex(lines, l => l.Contains($"\"name\": \"{resource}\"", StringComparison.Ordinal) || l.Contains($"/{resource}s\"", StringComparison.Ordinal));
        var typeLine = Array.FindLastIndex(lines, start, l => l.Contains("\"type\"", StringComparison.Ordinal));
        var index = Array.FindIndex(lines, typeLine, l => l.Contains(text, StringComparison.Ordinal));
        Assert.IsTrue(index >= 0, $"no line with {text} in {resource}");
        return index + 1;
    }

    [TestMethod]
    public void Where_selects_the_resources_a_rule_applies_to()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Resources, Parameters);
        var pack = PackRun.Pack(dir, """
            [{ "id": "TEST0001", "title": "Test", "message": "{name}", "resourceTypes": ["Test.Provider/*"],
               "where": { "path": "tags.env", "equals": "prod" }, "assert": { "path": "sku.name", "equals": "Premium" } }]
            """);

        var result = PackRun.Analyze(dir, [pack]);

        CollectionAssert.AreEqual(new[] { "alpha" }, result.Findings.Select(f => f.Message).ToArray());
    }

    [TestMethod]
    public void Type_patterns_match_case_insensitively_within_or_across_segments()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, """
            [
              { "type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "site", "location": "eastus" },
              { "type": "Microsoft.Web/sites/slots", "apiVersion": "2023-12-01", "name": "site/staging", "location": "eastus" },
              { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st", "location": "eastus" }
            ]
            """);
        var pack = PackRun.Pack(dir, """
            [
              { "id": "TEST0001", "title": "One", "message": "{name}", "resourceTypes": "microsoft.web/*", "assert": { "path": "location", "equals": "x" } },
              { "id": "TEST0002", "title": "Two", "message": "{name}", "resourceTypes": "Microsoft.Web/**", "assert": { "path": "location", "equals": "x" } },
              { "id": "TEST0003", "title": "Three", "message": "{name}", "resourceTypes": "*/*", "excludeResourceTypes": ["Microsoft.Storage/*"], "assert": { "path": "location", "equals": "x" } }
            ]
            """);

        var result = PackRun.Analyze(dir, [pack]);

        CollectionAssert.AreEquivalent(new[] { "TEST0001 site", "TEST0002 site", "TEST0002 site/staging", "TEST0003 site" },
            result.Findings.Select(f => $"{f.Id} {f.Message}").ToArray());
    }

    // A rule reports a resource once: at the first value that breaks its condition.
    [TestMethod]
    public void Message_fills_placeholders_and_never_shows_a_secret_value()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, """
            [{
              "type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app", "location": "eastus",
              "properties": {
                "siteConfig": { "appSettings": [ { "name": "OPENAI_API_KEY", "value": "sk-plain-text" }, { "name": "MODE", "value": "fast" } ] },
                "adminPassword": "[parameters('password')]",
                "connection": "Server=tcp:db;Password=hunter2",
                "clientSecret": "abc"
              }
            }]
            """, """{ "password": { "type": "securestring", "defaultValue": "p@ss" } }""");
        var pack = PackRun.Pack(dir, """
            [
              { "id": "TEST0001", "title": "Settings", "message": "{name} ({type}) {path} = {value} }{", "resourceTypes": "*/*",
                "assert": { "path": "properties.siteConfig.appSettings[*].value", "equals": "x" } },
              { "id": "TEST0002", "title": "Location", "message": "{path} = {value}", "resourceTypes": "*/*", "assert": { "path": "location", "equals": "x" } },
              { "id": "TEST0003", "title": "Password", "message": "{path} = {value}", "resourceTypes": "*/*", "assert": { "path": "properties.adminPassword", "equals": "x" } },
              { "id": "TEST0004", "title": "Connection", "message": "{path} = {value}", "resourceTypes": "*/*", "assert": { "path": "properties.connection", "equals": "x" } },
              { "id": "TEST0005", "title": "Client secret", "message": "{path} = {value}", "resourceTypes": "*/*", "assert": { "path": "properties.clientSecret", "equals": "x" } },
              { "id": "TEST0006", "title": "Missing", "message": "{path} = {value}", "resourceTypes": "*/*", "assert": { "path": "tags.owner", "exists": true } }
            ]
            """);

        var messages = PackRun.Analyze(dir, [pack]).Findings.Select(f => $"{f.Id} {f.Message}").ToArray();

        CollectionAssert.AreEquivalent(new[]
        {
            "TEST0001 app (Microsoft.Web/sites) properties.siteConfig.appSettings[0].value = *** }{",
            "TEST0002 location = eastus",
            "TEST0003 properties.adminPassword = ***",
            "TEST0004 properties.connection = ***",
            "TEST0005 properties.clientSecret = ***",
            "TEST0006 tags.owner = (not set)",
        }, messages, string.Join("\n", messages));
        Assert.IsFalse(messages.Any(m => m.Contains("sk-plain-text") || m.Contains("p@ss") || m.Contains("hunter2") || m.Contains("abc")));
    }

    // Found by SecretsNeverLeakTests: a token needs no telling name to be one.
    [TestMethod]
    public void Message_hides_a_generated_looking_value_under_a_neutral_name_and_shows_names_and_ids()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, """
            [{
              "type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app", "location": "eastus",
              "properties": {
                "greeting": "ghp_Wd4Ks9Lm2Np7Qr1Tv6Xz3Bc8Fg5Hj0Ka2Md9",
                "namedValue": "NamedValue-Plain-Key-3Lp8Zs1Wq6Rt",
                "storageName": "st-orders-prod-001",
                "planId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-1/providers/Microsoft.Web/serverfarms/plan-1",
                "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47"
              }
            }]
            """);
        var pack = PackRun.Pack(dir, """
            [
              { "id": "TEST0001", "title": "One", "message": "{value}", "resourceTypes": "*/*", "assert": { "path": "properties.greeting", "equals": "x" } },
              { "id": "TEST0002", "title": "Two", "message": "{value}", "resourceTypes": "*/*", "assert": { "path": "properties.namedValue", "equals": "x" } },
              { "id": "TEST0003", "title": "Three", "message": "{value}", "resourceTypes": "*/*", "assert": { "path": "properties.storageName", "equals": "x" } },
              { "id": "TEST0004", "title": "Four", "message": "{value}", "resourceTypes": "*/*", "assert": { "path": "properties.planId", "equals": "x" } },
              { "id": "TEST0005", "title": "Five", "message": "{value}", "resourceTypes": "*/*", "assert": { "path": "properties.tenant", "equals": "x" } }
            ]
            """);

        var messages = PackRun.Analyze(dir, [pack]).Findings.Select(f => $"{f.Id} {f.Message}").ToArray();

        CollectionAssert.AreEquivalent(new[]
        {
            "TEST0001 ***",
            "TEST0002 ***",
            "TEST0003 st-orders-prod-001",
            "TEST0004 /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-1/providers/Microsoft.Web/serverfarms/plan-1",
            "TEST0005 72f988bf-86f1-41af-91ab-2d7cd011db47",
        }, messages, string.Join("\n", messages));
    }

    [TestMethod]
    public void Severity_category_and_help_come_from_the_pack()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, """[{ "type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app", "location": "eastus" }]""");
        var pack = PackRun.Pack(dir, """
            [{ "id": "TEST0001", "title": "Test", "message": "m", "description": "What it reports.", "severity": "error", "category": "Identity",
               "helpUri": "https://contoso.example/rules/TEST0001", "resourceTypes": "*/*", "assert": { "path": "identity", "exists": true } }]
            """);

        var finding = PackRun.Analyze(dir, [pack]).Findings.Single();

        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(RuleCategory.Identity, finding.Descriptor.Category);
        Assert.AreEqual("https://contoso.example/rules/TEST0001", finding.Descriptor.HelpLink);
        Assert.AreEqual("What it reports.", finding.Descriptor.Description);
    }

    [TestMethod]
    public void Pack_findings_point_at_bicep_lines_and_take_inline_suppressions_and_editorconfig_severities()
    {
        using var dir = new TempDirectory();
        dir.Write("infra/main.bicep", """
            resource east 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: 'steast'
              location: 'eastus'
              sku: { name: 'Standard_ZRS' }
              kind: 'StorageV2'
            }

            resource west 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: 'stwest'
              #disable-next-line TEST0001 // CHG0042: moves to westeurope next quarter
              location: 'eastus2'
              sku: { name: 'Standard_ZRS' }
              kind: 'StorageV2'
            }
            """);
        dir.Write("infra/.editorconfig", "root = true\n[*.bicep]\ndotnet_diagnostic.TEST0001.severity = error\n");
        var pack = PackRun.Pack(dir, """
            [{ "id": "TEST0001", "title": "t", "message": "{name}", "resourceTypes": "*/*", "assert": { "path": "location", "equals": "westeurope" } }]
            """);

        var result = PackRun.Analyze(dir, [pack]);

        CollectionAssert.AreEqual(new[] { "infra/main.bicep(3,3): TEST0001", "infra/main.bicep(11,3): TEST0001" }, PackRun.Lines(result, dir));
        Assert.AreEqual(Severity.Error, result.Findings[0].Severity);
        Assert.IsNull(result.Findings[0].Suppression);
        Assert.AreEqual("CHG0042: moves to westeurope next quarter", result.Findings[1].Suppression?.Justification);
    }
}
