using System.Text.Json;
using System.Text.RegularExpressions;
using InfraLint.Core.Config;
using InfraLint.Sdk;
using InfraLint.Tests;
using Json.Schema;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestEnvironment.RepoRoot, "docs", "infralint.schema.json");

    // Built once per process: building registers the schema's $id globally.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    [TestMethod]
    public void The_published_schema_names_exactly_the_keys_the_loader_reads()
    {
        var schema = JObject.Parse(File.ReadAllText(SchemaPath));
        var keys = ((JObject)schema["properties"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "$schema", "approvals", "approvalsRequiredFor", "deployments", "description", "environments", "permissionBudgets", "rulePacks", "rules", "secretReaders", "suppressions" }, keys);

        using var dir = new TempDirectory();
        var config = dir.Write("infralint.json", """{ "$schema": "x", "description": "d", "rules": {}, "suppressions": [], "environments": {}, "rulePacks": [], "permissionBudgets": [], "approvals": [], "approvalsRequiredFor": {}, "deployments": [], "secretReaders": {} }""");
        Assert.AreEqual(0, ConfigLoader.Parse(config).Diagnostics.Count, "every schema key is accepted");
    }

    [TestMethod]
    public void Every_example_in_the_configuration_docs_is_valid_and_loads_without_diagnostics()
    {
        var docs = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "configuration.md"));
        var examples = Regex.Matches(docs, "```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)
            .Select(m => m.Groups["json"].Value)
            .Where(j => j.TrimStart().StartsWith('{')) // whole files, not fragments such as "metadata": …
            .ToList();
        Assert.IsTrue(examples.Count >= 2, "the docs show complete infralint.json examples");
        using var dir = new TempDirectory();
        foreach (var example in examples)
        {
            using var document = JsonDocument.Parse(example);
            var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.IsTrue(result.IsValid, $"not valid against the schema:\n{example}");
            var config = ConfigLoader.Parse(dir.Write("infralint.json", example));
            Assert.AreEqual(0, config.Diagnostics.Count, string.Join("\n", config.Diagnostics.Select(d => d.Message)));
        }
    }

    [TestMethod]
    public void A_bad_environments_section_is_reported_at_its_lines_and_the_rest_applies()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("infralint.json", """
            {
              "environments": {
                "tagKey": ["stage"],
                "sandbox": { "names": "dev", "colour": "blue" },
                "production": { "names": ["live"], "principals": [{ "role": "Owner" }] }
              }
            }
            """);
        var config = ConfigLoader.Parse(path);
        var problems = config.Diagnostics.Select(d => (d.Id, d.Location!.Line)).OrderBy(p => p.Line).ToArray();
        CollectionAssert.AreEqual(new[] { ("INFRA0003", 3), ("INFRA0003", 4), ("INFRA0003", 4), ("INFRA0003", 5) }, problems,
            string.Join("\n", config.Diagnostics.Select(d => $"{d.Location!.Line}: {d.Message}")));
        Assert.IsTrue(config.Diagnostics.All(d => d.Severity == Severity.Warning));
        CollectionAssert.AreEqual(EnvironmentSettings.Default.Sandbox.Names.ToArray(), config.Environments.Sandbox.Names.ToArray(), "a bad list keeps the defaults");
        CollectionAssert.AreEqual(new[] { "live" }, config.Environments.Production.Names.ToArray());
    }

    [TestMethod]
    public void Bad_budgets_and_approvals_are_reported_at_their_lines_and_the_rest_applies()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("infralint.json", """
            {
              "permissionBudgets": [
                { "identity": "id-agent-planner", "allowedActions": ["read"], "widestScope": "resource" },
                { "identity": "id-reports", "allowedActions": ["read", "delete"], "widestScope": "tenant", "allowedRoles": ["Reader"] },
                { "allowedRoles": ["Reader"] },
                { "identity": "id-empty" }
              ],
              "approvals": [
                { "selector": { "identity": "id-payments-batch-prod" }, "approver": "dana@contoso.com", "reference": "CHG1", "expires": "2027-06-30" },
                { "selector": { "identity": "id-x" }, "approver": "dana@contoso.com", "reference": "CHG2", "expires": "30.06.2027" },
                { "selector": { "who": "id-x" }, "approver": "dana@contoso.com", "reference": "CHG3", "expires": "2027-06-30" },
                { "selector": { "role": "Owner" }, "reference": "CHG4", "expires": "2027-06-30", "ticket": "x" }
              ],
              "approvalsRequiredFor": { "actions": ["write", "deploy"], "roles": ["Key Vault Secrets User"] }
            }
            """);
        var config = ConfigLoader.Parse(path);
        var problems = config.Diagnostics.Select(d => (d.Id, d.Location!.Line)).OrderBy(p => p.Line).ToArray();
        CollectionAssert.AreEqual(new[]
        {
            ("INFRA0003", 4), ("INFRA0003", 4), ("INFRA0003", 5), ("INFRA0003", 6),
            ("INFRA0003", 10), ("INFRA0003", 11), ("INFRA0003", 11), ("INFRA0003", 12), ("INFRA0003", 12), ("INFRA0003", 14),
        }, problems, string.Join("\n", config.Diagnostics.Select(d => $"{d.Location!.Line}: {d.Message}")));
        Assert.IsTrue(config.Diagnostics.All(d => d.Severity == Severity.Warning));

        var budgets = config.Permissions.Budgets;
        CollectionAssert.AreEqual(new[] { "id-agent-planner", "id-reports" }, budgets.Select(b => b.Identity).ToArray());
        Assert.AreEqual(ActionClasses.Read, budgets[0].AllowedActions);
        Assert.AreEqual(ScopeLevel.Resource, budgets[0].WidestScope);
        Assert.IsNull(budgets[1].AllowedActions, "a bad class list is left out, not narrowed");
        Assert.IsNull(budgets[1].WidestScope);
        CollectionAssert.AreEqual(new[] { "CHG1" }, config.Permissions.Approvals!.Select(a => a.Reference).ToArray());
        Assert.AreEqual(new DateOnly(2027, 6, 30), config.Permissions.Approvals![0].Expires);
        Assert.AreEqual(PermissionPolicy.DefaultHighImpactActions, config.Permissions.HighImpactActions, "a bad list keeps the default");
        CollectionAssert.AreEqual(new[] { "Key Vault Secrets User" }, config.Permissions.HighImpactRoles.ToArray());
    }

    [TestMethod]
    [DataRow("""{ "secretReaders": { "max": 0 } }""", 1)]
    [DataRow("""{ "secretReaders": { "max": 2.5 } }""", 1)]
    [DataRow("""{ "secretReaders": { "max": "5" } }""", 1)]
    [DataRow("""{ "secretReaders": { "max": 100000 } }""", 1)]
    [DataRow("""{ "secretReaders": { "max": 5, "min": 1 } }""", 1)]
    [DataRow("""{ "secretReaders": 5 }""", 1)]
    public void A_bad_secret_reader_maximum_is_reported_at_its_line_and_the_default_applies(string json, int line)
    {
        using var dir = new TempDirectory();
        var config = ConfigLoader.Parse(dir.Write("infralint.json", json));
        var problem = config.Diagnostics.Single();
        Assert.AreEqual(("INFRA0003", line, Severity.Warning), (problem.Id, problem.Location!.Line, problem.Severity), problem.Message);
        var expected = json.Contains("\"min\"", StringComparison.Ordinal) ? 5 : PermissionPolicy.DefaultSecretReadersMax;
        Assert.AreEqual(expected, config.Permissions.SecretReadersMax, "an unknown key is ignored, a bad maximum keeps the default");
    }

    [TestMethod]
    public void The_secret_reader_maximum_is_read_and_defaults_to_three()
    {
        using var dir = new TempDirectory();
        Assert.AreEqual(7, ConfigLoader.Parse(dir.Write("infralint.json", """{ "secretReaders": { "max": 7 } }""")).Permissions.SecretReadersMax);
        Assert.AreEqual(3, ConfigLoader.Parse(dir.Write("infralint.json", """{ "rules": {} }""")).Permissions.SecretReadersMax);
    }

    [TestMethod]
    public void Without_approvals_the_approval_rules_have_nothing_to_check()
    {
        using var dir = new TempDirectory();
        Assert.IsNull(ConfigLoader.Parse(dir.Write("infralint.json", """{ "rules": {} }""")).Permissions.Approvals);
        Assert.AreEqual(0, ConfigLoader.Parse(dir.Write("infralint.json", """{ "approvals": [] }""")).Permissions.Approvals!.Count);
    }

    [TestMethod]
    public void The_testdata_configurations_are_valid()
    {
        foreach (var path in Directory.EnumerateFiles(TestEnvironment.TestData("rules"), "infralint.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            Assert.IsTrue(Schema.Value.Evaluate(document.RootElement).IsValid, $"{path} is not valid against the schema");
            var config = ConfigLoader.Parse(path);
            Assert.AreEqual(0, config.Diagnostics.Count, path + "\n" + string.Join("\n", config.Diagnostics.Select(d => d.Message)));
        }
    }
}
