using InfraLint.Tests;

namespace InfraLint.Reporting.Tests.Sarif;

/// <summary>The schema check every SARIF test relies on must be able to fail.</summary>
[TestClass]
public sealed class SchemaValidationTests
{
    [TestMethod]
    [DataRow("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"loud"}]}]}""")]
    [DataRow("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a b.bicep"}}}]}]}]}""")]
    [DataRow("""{"version":"2.0.0","runs":[]}""")]
    [DataRow("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"ruleIndex":-2}]}]}""")]
    public void Rejects_invalid_sarif(string sarif) =>
        Assert.ThrowsExactly<AssertFailedException>(() => SarifSchema.AssertValid(sarif));

    [TestMethod]
    public void Accepts_a_minimal_log() =>
        SarifSchema.AssertValid("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"note"}]}]}""");
}
