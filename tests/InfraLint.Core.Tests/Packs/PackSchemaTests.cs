using System.Text.Json;
using InfraLint.Tests;
using Json.Schema;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests.Packs;

/// <summary>docs/infralint-rules.schema.json and the loader agree.</summary>
[TestClass]
public sealed class PackSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "infralint-rules.schema.json"))));

    private static bool IsValid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }

    [TestMethod]
    public void The_sample_pack_is_valid_against_the_published_schema()
    {
        var sample = Path.Combine(TestEnvironment.RepoRoot, "samples", "RulePacks", "Contoso.Platform.Rules", "rules", "contoso.infralint-rules.json");
        Assert.IsTrue(IsValid(File.ReadAllText(sample)));
    }

    [TestMethod]
    [DataRow("""{ "name": "P", "version": "1", "idPrefix": "INFRA", "rules": [] }""")]
    [DataRow("""{ "name": "P", "version": "1", "rules": [] }""")]
    [DataRow("""{ "name": "P", "version": "1", "idPrefix": "P", "rules": [ { "id": "P1", "title": "t", "message": "m", "resourceTypes": "*/*" } ] }""")]
    [DataRow("""{ "name": "P", "version": "1", "idPrefix": "P", "rules": [ { "id": "P1", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "path": "a", "equal": 1 } } ] }""")]
    [DataRow("""{ "name": "P", "version": "1", "idPrefix": "P", "rules": [ { "id": "P1", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "path": "a", "exists": true, "equals": 1 } } ] }""")]
    public void The_schema_rejects_what_the_loader_rejects(string pack)
    {
        Assert.IsFalse(IsValid(pack));
        using var dir = new TempDirectory();
        var result = InfraLint.Core.Packs.JsonRulePackReader.Read(dir.Write("p.infralint-rules.json", pack));
        Assert.IsTrue(result.Problems.Any(p => p.Severity == Sdk.Severity.Error), "the loader reports it too");
    }

    [TestMethod]
    public void The_schema_names_exactly_the_keys_the_loader_reads()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "infralint-rules.schema.json")));
        CollectionAssert.AreEquivalent(new[] { "$schema", "name", "version", "idPrefix", "description", "informationUri", "rules" },
            ((JObject)schema["properties"]!).Properties().Select(p => p.Name).ToArray());
        CollectionAssert.AreEquivalent(new[] { "id", "title", "message", "description", "severity", "helpUri", "category", "resourceTypes", "excludeResourceTypes", "where", "assert" },
            ((JObject)schema["$defs"]!["rule"]!["properties"]!).Properties().Select(p => p.Name).ToArray());
    }
}
