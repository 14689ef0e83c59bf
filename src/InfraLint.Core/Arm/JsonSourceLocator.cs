using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>Locates tokens of a JSON file by the line information Newtonsoft.Json recorded while reading it.</summary>
internal sealed class JsonSourceLocator : ISourceLocator
{
    private readonly string filePath;
    private readonly string[] lines;

    public JsonSourceLocator(string filePath, string text)
    {
        this.filePath = filePath;
        lines = text.Split('\n');
    }

    public SourceLocation Locate(JToken token) => Locate(token, []);

    // JSON has nothing below a token that its JSON does not have: a place inside what an expression assembled
    // (union(), shallowMerge()) is the property whose expression it is, as for a property set to a bad value.
    public SourceLocation Locate(JToken token, IReadOnlyList<PathSegment> remainder)
    {
        if (remainder.Count > 0 && token is JValue { Parent: JProperty property })
            token = property;
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current is IJsonLineInfo info && info.HasLineInfo())
                return new SourceLocation(filePath, info.LineNumber, StartColumn(current, info));
        }
        return SourceLocation.StartOf(filePath);
    }

    // Newtonsoft.Json records the position after a token (for a property: after its colon);
    // findings point at where the token starts.
    private int StartColumn(JToken token, IJsonLineInfo info)
    {
        if (info.LineNumber < 1 || info.LineNumber > lines.Length)
            return Math.Max(1, info.LinePosition);
        var line = lines[info.LineNumber - 1];
        var end = Math.Min(info.LinePosition, line.Length);
        switch (token)
        {
            case JProperty:
            case JValue { Type: JTokenType.String }:
            {
                var i = end - 1;
                while (i >= 0 && line[i] != '"')
                    i--; // skip ':' and white space back to the closing quote
                i--;
                while (i >= 0 && !(line[i] == '"' && (i == 0 || line[i - 1] != '\\')))
                    i--;
                return Math.Max(1, i + 1);
            }
            case JContainer:
                return Math.Max(1, end); // just after '{' or '[': that character's column
            default:
            {
                var i = end - 1;
                while (i >= 0 && !char.IsWhiteSpace(line[i]) && line[i] is not (',' or ':' or '['))
                    i--;
                return i + 2;
            }
        }
    }
}
