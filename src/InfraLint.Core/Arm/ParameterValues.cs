using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>Reads the values of a deployment parameters file (<c>{ "parameters": { "x": { "value": … } } }</c>).</summary>
internal static class ParameterValues
{
    public static IReadOnlyDictionary<string, TemplateValue> FromParametersFile(string json) => From(ArmTemplateReader.Parse(json));

    public static IReadOnlyDictionary<string, TemplateValue> From(JObject parametersFile)
    {
        var values = new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
        if (parametersFile["parameters"] is not JObject parameters)
            return values;
        foreach (var parameter in parameters.Properties())
        {
            // A Key Vault "reference" is resolved at deployment: unknown here, by design.
            values[parameter.Name] = parameter.Value is JObject { } p && p["value"] is { } value
                ? TemplateValue.Known(value)
                : TemplateValue.Unknown();
        }
        return values;
    }

    /// <summary>The literal values of a parameters file, each located at its <c>"value"</c> key.</summary>
    public static IReadOnlyList<SuppliedParameter> Supplied(JObject parametersFile, JsonSourceLocator locator)
    {
        if (parametersFile["parameters"] is not JObject parameters)
            return [];
        return parameters.Properties()
            .Where(p => p.Value is JObject o && o.Property("value") is not null)
            .Select(p => (p.Name, Value: ((JObject)p.Value).Property("value")!))
            .Select(p => new SuppliedParameter(p.Name, p.Value.Value, locator.Locate(p.Value)))
            .ToList();
    }

    /// <summary>A cheap look at raw text, for files that do not even parse.</summary>
    public static bool MentionsParametersSchema(string text) => text.Contains("deploymentParameters.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <c>$schema</c> names a deployment parameters file.</summary>
    public static bool IsParametersFile(JObject root) =>
        root["$schema"] is JValue { Type: JTokenType.String } schema &&
        ((string)schema!).Contains("deploymentParameters.json", StringComparison.OrdinalIgnoreCase);
}
