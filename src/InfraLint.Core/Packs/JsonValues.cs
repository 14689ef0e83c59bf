using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Packs;

/// <summary>How declarative rules compare JSON values: strings case-insensitively, numbers by value.</summary>
internal static class JsonValues
{
    public static bool AreEqual(JToken actual, JToken expected)
    {
        if (actual.Type == JTokenType.String && expected.Type == JTokenType.String)
            return string.Equals((string)actual!, (string)expected!, StringComparison.OrdinalIgnoreCase);
        if (IsNumber(actual) && IsNumber(expected))
            return (decimal)actual == (decimal)expected;
        return JToken.DeepEquals(actual, expected);
    }

    /// <summary>Numbers by value, strings ordinally ignoring case (API versions and ISO dates sort that way); null for other pairs.</summary>
    public static int? Compare(JToken actual, JToken bound)
    {
        if (IsNumber(actual) && IsNumber(bound))
            return ((decimal)actual).CompareTo((decimal)bound);
        if (actual.Type == JTokenType.String && bound.Type == JTokenType.String)
            return Math.Sign(string.Compare((string)actual!, (string)bound!, StringComparison.OrdinalIgnoreCase));
        return null;
    }

    public static bool IsNumber(JToken token) => token.Type is JTokenType.Integer or JTokenType.Float;

    /// <summary>A value as a message shows it: a string as it is, anything else as compact JSON.</summary>
    public static string Display(JToken value) =>
        value.Type == JTokenType.String ? (string)value! : value.ToString(Newtonsoft.Json.Formatting.None);
}
