using InfraLint.Core.Engine;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class TokenExtentsTests
{
    [TestMethod]
    [DataRow("  { name: 'OPENAI_API_KEY', value: key }", 5, 9)]
    [DataRow("    OPENAI_API_KEY: key", 5, 19)]
    [DataRow("    'my-key': key", 5, 13)]
    [DataRow("resource site 'Microsoft.Web/sites@2023-12-01' = {", 1, 9)]
    [DataRow("      \"type\": \"Microsoft.Logic/workflows\",", 7, 13)]
    [DataRow("      \"a\\\"b\": 1", 7, 13)]
    [DataRow("  appSettings: [", 16, 17)]
    [DataRow("#disable-next-line INFRA1001", 1, 19)]
    [DataRow("x", 5, 0)]
    public void Ends_after_the_token_that_starts_at_the_column(string line, int column, int end) =>
        Assert.AreEqual(end, TokenExtents.TokenEnd(line, column - 1));
}
