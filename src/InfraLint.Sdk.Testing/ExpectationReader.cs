using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk.Testing;

/// <summary>
/// Reads the expectations of a testdata file: Bicep trailing comments (<c>// expect: INFRA1001@7</c>,
/// <c>// expect-next-line: INFRA1001</c>, <c>// expect via main.bicep: INFRA3001</c> for a finding in a module or
/// template that appears only when <c>main.bicep</c> (a caller or a .bicepparam) is analysed, <c>// expect alone: INFRA2002</c>
/// for one that a module shows only on its own), XML comments in a
/// file a template loads (<c>&lt;!-- expect: INFRA5004@5 --&gt;</c>) or, for ARM JSON, a <c>.expect</c> sidecar of
/// <c>INFRA1001 /json/pointer</c> lines (<c>INFRA2002 /json/pointer via main.json</c> for a finding in a linked template
/// that appears only when <c>main.json</c> is analysed). A malformed marker throws with the reason.
/// </summary>
public static partial class ExpectationReader
{
    [GeneratedRegex(@"//\s*expect(?<next>-next-line)?(\s+via\s+(?<via>[^\s:]+)|\s+(?<alone>alone))?:\s*(?<ids>.+)$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--\s*expect(?<next>-next-line)?:\s*(?<ids>.+?)\s*-->")]
    private static partial Regex XmlMarker();

    [GeneratedRegex(@"^(?<id>[A-Z][A-Z0-9]*[0-9])(@(?<col>[0-9]+))?$")]
    private static partial Regex Item();

    [GeneratedRegex(@"#\s*expect(?<next>-next-line)?:\s*(?<ids>.+?)\s*$")]
    private static partial Regex YamlMarker();

    [GeneratedRegex(@"load(?:Text|Json|Yaml)Content\(\s*'(?<path>[^'$]+)'")]
    private static partial Regex LoadedText();

    /// <summary>
    /// The files a Bicep testdata file loads with <c>loadTextContent('…')</c>, <c>loadJsonContent</c> or <c>loadYamlContent</c>:
    /// findings may point into them. A loaded JSON file has a <c>.expect</c> sidecar, a YAML file <c># expect:</c> comments.
    /// </summary>
    public static IEnumerable<string> LoadedFiles(string path) =>
        path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase)
            ? LoadedText().Matches(File.ReadAllText(path)).Select(m => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, m.Groups["path"].Value))).Distinct()
            : [];

    /// <summary>The expectations of the testdata file <paramref name="path"/>; throws <see cref="FormatException"/> for a malformed marker.</summary>
    public static IReadOnlyList<Expectation> Read(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadSidecar(path) : ReadComments(path);

    private static List<Expectation> ReadComments(string path)
    {
        var expectations = new List<Expectation>();
        var lines = File.ReadAllLines(path);
        var marker = path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? XmlMarker()
            : path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? YamlMarker()
            : Marker();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = marker.Match(lines[i]);
            if (!match.Success)
                continue;
            var line = match.Groups["next"].Success ? i + 2 : i + 1;
            foreach (var item in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                var parsed = Item().Match(item);
                if (!parsed.Success)
                    throw new FormatException($"{Path.GetFileName(path)}:{i + 1}: malformed expectation '{item}' (want ID or ID@column)");
                expectations.Add(new Expectation(parsed.Groups["id"].Value, line, parsed.Groups["col"].Success ? int.Parse(parsed.Groups["col"].Value) : null,
                    match.Groups["via"].Success ? match.Groups["via"].Value : null, match.Groups["alone"].Success));
            }
        }
        return expectations;
    }

    private static List<Expectation> ReadSidecar(string path)
    {
        var sidecar = path + ".expect";
        if (!File.Exists(sidecar))
            throw new FormatException($"{Path.GetFileName(path)} has no .expect sidecar (an empty one means no findings)");
        var text = File.ReadAllText(path);
        var root = JToken.Load(new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None },
            new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        var sourceLines = text.Split('\n');
        var expectations = new List<Expectation>();
        foreach (var (entry, index) in File.ReadAllLines(sidecar).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (entry.Length == 0 || entry.StartsWith('#'))
                continue;
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var via = parts.Length == 4 && parts[2] == "via" ? parts[3] : null;
            if ((parts.Length != 2 && via is null) || !Item().IsMatch(parts[0]) || !parts[1].StartsWith('/'))
                throw new FormatException($"{Path.GetFileName(sidecar)}:{index}: want 'ID /json/pointer' or 'ID /json/pointer via FILE', got '{entry}'");
            var (line, column) = Resolve(root, parts[1], sourceLines) ?? throw new FormatException($"{Path.GetFileName(sidecar)}:{index}: pointer {parts[1]} matches nothing");
            expectations.Add(new Expectation(parts[0], line, column, via));
        }
        return expectations;
    }

    // The line and column of the key the pointer ends at (or of the array item).
    private static (int Line, int Column)? Resolve(JToken root, string pointer, string[] lines)
    {
        var token = root;
        string? lastKey = null;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (token is JObject obj && obj.Property(segment) is { } property)
            {
                token = property.Value;
                lastKey = segment;
            }
            else if (token is JArray array && int.TryParse(segment, out var i) && i < array.Count)
            {
                token = array[i];
                lastKey = null;
            }
            else
            {
                return null;
            }
        }
        var owner = lastKey is null ? token : token.Parent!;
        var info = (IJsonLineInfo)owner;
        var text = lines[info.LineNumber - 1];
        var column = lastKey is null ? info.LinePosition : text.LastIndexOf('"' + lastKey + '"', Math.Max(0, info.LinePosition - 1), StringComparison.Ordinal) + 1;
        return (info.LineNumber, column);
    }
}
