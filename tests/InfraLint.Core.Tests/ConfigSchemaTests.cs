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
        CollectionAssert.AreEqual(new[] { "$schema", "description", "environments", "rulePacks", "rules", "suppressions" }, keys);

        using var dir = new TempDirectory();
        var config = dir.Write("infralint.json", """{ "$schema": "x", "description": "d", "rules": {}, "suppressions": [], "environments": {}, "rulePacks": [] }""");
        Assert.AreEqual(0, ConfigLoader.Parse(config).Diagnostics.Count, "every schema key is accepted");
    }

    [TestMethod]
    public void Every_example_in_the_configuration_docs_is_valid_and_loads_without_diagnostics()
    {
        var docs = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "configuration.md"));
        var examples = Regex.Matches(docs, "```json\\n(?<json>\\{.*?\\n\\})\\n```", RegexOptions.Singleline)
            .Select(m => m.Groups["json"].Value)
            .Where(j => !j.TrimStart().StartsWith("\"metadata\"", StringComparison.Ordinal))
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
}
