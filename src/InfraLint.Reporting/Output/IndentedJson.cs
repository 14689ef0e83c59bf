using System.Globalization;
using Newtonsoft.Json;

namespace InfraLint.Reporting.Output;

/// <summary>A JSON document written with invariant culture, two-space indentation and <c>\n</c> line endings, ending in a
/// line feed, with logging-command starts escaped (<see cref="OutputText.JsonDocument"/>).</summary>
public static class IndentedJson
{
    public static string Write(Action<JsonTextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture, CloseOutput = false })
            write(json);
        text.Write('\n');
        return OutputText.JsonDocument(text.ToString());
    }

    /// <summary>A property and its value (null, a string, a number or a bool).</summary>
    public static void Property(this JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
