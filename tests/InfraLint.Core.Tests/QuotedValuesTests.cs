using InfraLint.Core.Inputs;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class QuotedValuesTests
{
    // Found by SecretsNeverLeakTests: the compiler types a string literal as itself, so its errors quote values.
    [TestMethod]
    public void Hides_a_literal_the_compiler_quotes_from_the_file()
    {
        const string source = "param port int = 'Passw0rd'\n";
        var message = QuotedValues.Redact("Expected a value of type \"int\" but the provided value is of type \"'Passw0rd'\".", source);
        Assert.AreEqual("Expected a value of type \"int\" but the provided value is of type \"'***'\".", message);
    }

    [TestMethod]
    public void Hides_values_that_are_not_plain_words_even_without_the_file()
    {
        Assert.AreEqual("The input string '***' was not in a correct format.", QuotedValues.Redact("The input string 'Zq8#Pa55!' was not in a correct format.", null));
    }

    [TestMethod]
    public void Keeps_allowed_values_the_file_does_not_contain_and_apostrophes()
    {
        var message = QuotedValues.Redact("Expected \"'Premium' | 'Standard'\" but got \"'Basic'\"; it can't be, doesn't matter", "sku: { name: 'Basic' }");
        Assert.AreEqual("Expected \"'Premium' | 'Standard'\" but got \"'***'\"; it can't be, doesn't matter", message);
    }
}
