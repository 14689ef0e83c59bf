using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class ConfigSchemaTests
{
    [TestMethod]
    public void The_published_schema_names_exactly_the_keys_the_loader_reads()
    {
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "infralint.schema.json")));
        var keys = ((JObject)schema["properties"]!).Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "$schema", "description", "rulePacks", "rules", "suppressions" }, keys);

        using var dir = new TempDirectory();
        var config = dir.Write("infralint.json", """{ "$schema": "x", "description": "d", "rules": {}, "suppressions": [], "rulePacks": [] }""");
        Assert.AreEqual(0, Config.ConfigLoader.Parse(config).Diagnostics.Count, "every schema key is accepted");
    }
}
