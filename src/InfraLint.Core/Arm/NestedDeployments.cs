using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>A <c>Microsoft.Resources/deployments</c> resource with an inline template (a Bicep module, a nested ARM deployment).</summary>
/// <param name="Deployment">The deployment resource in the calling template.</param>
/// <param name="Template">Its inline template.</param>
/// <param name="ParameterValues">The values it passes, evaluated in the caller's context.</param>
/// <param name="InnerScope">True when the inline template's expressions see its own parameters (Bicep always does this).</param>
/// <param name="WrittenByCaller">Where the caller writes each value it passes as it is (<see cref="ArmEvaluator.CallerWritten"/>).</param>
/// <param name="SwitchedOff">The deployment's condition is known to be false (<c>if (false)</c>, a caller's value): it deploys nothing.</param>
internal sealed record NestedDeployment(ArmResourceEntry Deployment, JObject Template, IReadOnlyDictionary<string, TemplateValue> ParameterValues, bool InnerScope,
    IReadOnlyDictionary<string, JToken> WrittenByCaller, bool SwitchedOff = false);

internal static class NestedDeployments
{
    /// <summary>How deep modules may nest before InfraLint stops following them.</summary>
    public const int MaxDepth = 16;

    /// <summary>The deployments among <paramref name="entries"/>; one item of a module loop passes that item's values to the
    /// module's template as written.</summary>
    public static IEnumerable<NestedDeployment> Of(IEnumerable<ArmResourceEntry> entries, ArmEvaluator caller)
    {
        foreach (var entry in entries)
        {
            if (!entry.IsDeployment ||
                entry.Body["properties"] is not JObject properties || entry.Written["properties"]?["template"] is not JObject template)
                continue;
            var inner = string.Equals((string?)properties["expressionEvaluationOptions"]?["scope"], "inner", StringComparison.OrdinalIgnoreCase);
            var (values, written) = Passed(entry, caller);
            yield return new NestedDeployment(entry, template, values, inner, written, ResourceLoops.SwitchedOff(entry.Body, caller));
        }
    }

    /// <summary>The parameter values a deployment passes (<c>properties.parameters</c>), evaluated in the caller's context, and
    /// where the caller writes those it passes as they are.</summary>
    public static (Dictionary<string, TemplateValue> Values, Dictionary<string, JToken> Written) Passed(ArmResourceEntry entry, ArmEvaluator caller)
    {
        var values = new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
        var written = new Dictionary<string, JToken>(StringComparer.OrdinalIgnoreCase);
        if (entry.Body["properties"]?["parameters"] is not JObject parameters)
            return (values, written);
        foreach (var parameter in parameters.Properties())
        {
            // { "value": … } is a value; { "reference": … } (a Key Vault secret) is unknown by design.
            values[parameter.Name] = parameter.Value is JObject p && p["value"] is { } value
                ? caller.Evaluate(value)
                : TemplateValue.Unknown();
            if (parameter.Value is JObject q && q["value"] is { } v && WrittenAsIs(v, caller) is { } source)
                written[parameter.Name] = source;
        }
        return (values, written);
    }

    // A value the caller writes as it is: a literal (an array or object may hold expressions inside), or the caller's own
    // parameter passed on unchanged, which is written where the caller's caller wrote it. An expression that computes the
    // value is not: its findings stay at the module's property.
    private static JToken? WrittenAsIs(JToken value, ArmEvaluator caller)
    {
        var source = Model.Origin.SourceOf(value);
        if (source is not JValue { Type: JTokenType.String } text || !ArmExpressionParser.IsExpression((string)text!))
            return source;
        return ArmExpressionParser.TryParse((string)text!) is ArmCall { Name: var name, Arguments: [ArmString { Value: var key }] } &&
            name.Equals("parameters", StringComparison.OrdinalIgnoreCase)
            ? caller.CallerWritten(key)
            : null;
    }
}
