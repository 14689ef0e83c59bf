using System.Text.Json;
using Json.Schema;

namespace InfraLint.Tests;

/// <summary>Validates SARIF against the official 2.1.0 schema shipped in the Sarif.Sdk package.</summary>
internal static class SarifSchema
{
    // Built once per test process: building registers the schema's $id globally.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(TestEnvironment.SarifSchemaPath)));

    /// <summary>Fails with every schema error when <paramref name="sarif"/> is not valid. Only <c>IsValid</c>
    /// decides; formats (uri, uri-reference) are checked too.</summary>
    public static void AssertValid(string sarif, string what = "SARIF")
    {
        using var document = JsonDocument.Parse(sarif);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
            return;
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Distinct();
        Assert.Fail($"{what} is not valid SARIF 2.1.0:\n{string.Join('\n', errors)}");
    }

    /// <summary>Reads a SARIF file the product wrote and validates it.</summary>
    public static string AssertValidFile(string path)
    {
        var text = File.ReadAllText(path);
        AssertValid(text, path);
        return text;
    }
}
