using System.Text.RegularExpressions;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Locates what a restored registry module deploys in the file that calls it, since the module's source is not in the
/// repository: at the caller's <c>params</c> entry that supplies the value when the module's JSON takes it from one of
/// its parameters, else at the <c>module</c> line.
/// </summary>
internal sealed partial class RegistryModuleLocator(string callerPath, BicepResourceDeclaration module) : ISourceLocator
{
    public SourceLocation Locate(JToken token, IReadOnlyList<PathSegment> remainder)
    {
        var passed = (module.Body?.Properties.LastOrDefault(p => p.Key == "params") is { } p ? BicepDocument.Unwrap(p.Value) as BicepObject : null)?.Properties;
        if (passed is not null)
        {
            foreach (var name in ParametersNear(Follow(token, remainder)))
            {
                if (passed.LastOrDefault(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)) is { } entry)
                    return new SourceLocation(callerPath, entry.Line, entry.Column);
            }
        }
        return new SourceLocation(callerPath, module.Line, module.Column);
    }

    // The token the remainder leads to, as far as the JSON has it.
    private static JToken Follow(JToken token, IReadOnlyList<PathSegment> remainder)
    {
        foreach (var step in remainder)
        {
            JToken? next = (token, step) switch
            {
                (JObject obj, PathSegment.Property property) => obj[property.Name],
                (JArray array, PathSegment.Index index) when index.Value < array.Count => array[index.Value],
                _ => null,
            };
            if (next is null)
                break;
            token = next;
        }
        return token;
    }

    // The module parameters the token is, or that its neighbours in the same object are (an app setting's name and its value).
    private static IEnumerable<string> ParametersNear(JToken token)
    {
        if (token.Parent?.Parent is JObject { Parent: JProperty { Name: { } section, Parent: JObject } } definition && section == "parameters")
            yield return ((JProperty)definition.Parent!).Name; // parameters.x.defaultValue
        if (token is JProperty property)
            token = property.Value; // a rule may point at a property rather than its value
        var values = token is JValue ? [token] : new List<JToken>();
        if ((token as JObject ?? token.Parent?.Parent as JObject) is { } owner)
            values.AddRange(owner.Properties().Select(p => p.Value).OfType<JValue>());
        foreach (var value in values)
        {
            if (value is JValue { Type: JTokenType.String } text && ParameterReference().Match((string)text!) is { Success: true } match)
                yield return match.Groups["name"].Value;
        }
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>[^']{1,256})'\)\]$")]
    private static partial Regex ParameterReference();
}
