using System.Globalization;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace InfraLint.Reporting.Output;

/// <summary>
/// Serializes a log through our own writer: <see cref="SarifLog"/>'s Save writes a byte order mark, and
/// the output must be UTF-8 without one, with <c>\n</c> line endings, on every machine. Properties come
/// in the SDK's declaration order, which is fixed for a given SDK version.
/// </summary>
internal static class SarifJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        Formatting = Formatting.Indented,
        Culture = CultureInfo.InvariantCulture,
        ContractResolver = new ExplicitLevelsContractResolver(),
    });

    public static string Serialize(SarifLog log)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Serializer.Serialize(text, log);
        text.Write('\n');
        return OutputText.JsonDocument(text.ToString());
    }

    /// <exception cref="JsonException">The text is not JSON (at its line), or not a SARIF log. The SDK's own converters throw other exceptions for
    /// values they do not know (a level of "loud", or of 5, where its enum converter dereferences null); those become a
    /// <see cref="JsonSerializationException"/> at the line read.</exception>
    public static SarifLog Deserialize(string json)
    {
        // The SDK's property-bag converter reads past the end of a truncated file forever: check the syntax first.
        // (JToken.Parse checks that every object and array is closed; a JsonTextReader alone does not.)
        Newtonsoft.Json.Linq.JToken.Parse(json);
        using var reader = new JsonTextReader(new StringReader(json));
        try
        {
            var serializer = JsonSerializer.CreateDefault();
            serializer.CheckAdditionalContent = true;
            return serializer.Deserialize<SarifLog>(reader) ?? throw new JsonSerializationException("the file holds no SARIF log");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or InvalidCastException or OverflowException
            or UriFormatException or NullReferenceException or IndexOutOfRangeException)
        {
            throw new JsonSerializationException($"{e.Message} Path '{reader.Path}', line {reader.LineNumber}, position {reader.LinePosition}.", e);
        }
    }

    /// <summary>The SDK leaves out a level equal to SARIF's default (warning), and a rule's default configuration
    /// with it. Both are written: readers of the file and code-scanning services should not need to know the default.</summary>
    private sealed class ExplicitLevelsContractResolver : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyType == typeof(FailureLevel))
            {
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.ShouldSerialize = null;
            }
            else if (property.DeclaringType == typeof(ReportingDescriptor) && property.PropertyName == "defaultConfiguration")
            {
                property.ShouldSerialize = descriptor => ((ReportingDescriptor)descriptor).DefaultConfiguration is not null;
            }
            return property;
        }
    }
}
