using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>Reads JSON with line information, the way every InfraLint front end reads ARM JSON.</summary>
internal static class ArmTemplateReader
{
    /// <summary>Deep enough for real nested deployments, bounded so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 256;

    public static JObject Parse(string text) => Parse(text, DuplicatePropertyNameHandling.Replace);

    /// <summary>The error at a file's first duplicate key, or null when it has none (or does not parse at all).</summary>
    public static JsonReaderException? DuplicateKey(string text)
    {
        try
        {
            Parse(text, DuplicatePropertyNameHandling.Error);
            return null;
        }
        catch (JsonReaderException e)
        {
            return e;
        }
    }

    private static JObject Parse(string text, DuplicatePropertyNameHandling duplicates)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            MaxDepth = MaxDepth,
            DateParseHandling = DateParseHandling.None, // '2023-01-01' stays a string, as ARM sees it
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var settings = new JsonLoadSettings
        {
            LineInfoHandling = LineInfoHandling.Load,
            CommentHandling = CommentHandling.Ignore, // ARM accepts comments in templates
            DuplicatePropertyNameHandling = duplicates,
        };
        var token = JToken.ReadFrom(reader, settings);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
                throw new JsonReaderException($"Unexpected content after the end of the JSON document at line {reader.LineNumber}.");
        }
        return token as JObject ?? throw new JsonReaderException("The file is JSON but not an object.");
    }

    /// <summary>True when <c>$schema</c> names a deployment template (resource group, subscription, management group or tenant).</summary>
    public static bool IsDeploymentTemplate(JObject root) =>
        root["$schema"] is JValue { Type: JTokenType.String } schema &&
        ((string)schema!).Contains("DeploymentTemplate.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A cheap look at raw text, for files that do not even parse.</summary>
    public static bool MentionsDeploymentTemplateSchema(string text) =>
        text.Contains("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase);
}
