using System.Text.RegularExpressions;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Where a value that <c>loadJsonContent</c> or <c>loadYamlContent</c> read is in the loaded file. The
/// compiler inlines the file's data as a generated variable (<c>$fxv#0</c>), which has no line in the
/// Bicep file: a finding about it belongs at the key's own line in the file it came from.
/// </summary>
internal sealed class LoadedDataLocator(string templatePath, BicepDocument document)
{
    private const int MaxFileBytes = 4 * 1024 * 1024;
    private const int MaxCandidates = 20_000;
    private readonly Dictionary<string, JToken?> json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]?> yaml = new(StringComparer.Ordinal);

    /// <summary>The location of <paramref name="path"/> inside the loaded file whose data is <paramref name="data"/>; null when no loaded file holds it.</summary>
    public SourceLocation? Locate(JToken data, IReadOnlyList<PathSegment> path)
    {
        foreach (var file in document.LoadedJson.Select(Full))
        {
            // The whole file, or the part a JSON path argument selected (loadJsonContent('spec.json', '$.paths')).
            if (Json(file) is { } root && Containing(root, data) is { } match && Follow(match, path) is var (line, column))
                return new SourceLocation(file, line, column);
        }
        foreach (var file in document.LoadedYaml.Select(Full))
        {
            if (Yaml(file) is { } lines && YamlKey(lines, path) is var (line, column))
                return new SourceLocation(file, line, column);
        }
        return null;
    }

    private string Full(string relative) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(templatePath)!, relative));

    private static JToken? Containing(JToken root, JToken data)
    {
        if (JToken.DeepEquals(root, data))
            return root;
        return root is JContainer container
            ? container.Descendants().OfType<JContainer>().Take(MaxCandidates).FirstOrDefault(c => c is not JProperty && JToken.DeepEquals(c, data))
            : null;
    }

    // The key's line and the column of its opening quote, or an array item's own position.
    private static (int Line, int Column)? Follow(JToken token, IReadOnlyList<PathSegment> path)
    {
        JProperty? last = null;
        foreach (var segment in path)
        {
            switch (segment)
            {
                case PathSegment.Property { Name: var name } when token is JObject obj && obj.Property(name, StringComparison.Ordinal) is { } property:
                    (token, last) = (property.Value, property);
                    break;
                case PathSegment.Index { Value: var i } when token is JArray array && i < array.Count:
                    (token, last) = (array[i], null);
                    break;
                default:
                    return null;
            }
        }
        IJsonLineInfo info = last is not null ? last : token;
        if (!info.HasLineInfo())
            return (1, 1);
        return (info.LineNumber, last is null ? Math.Max(1, info.LinePosition) : KeyColumn(last, info));
    }

    private static int KeyColumn(JProperty property, IJsonLineInfo info)
    {
        var root = property.Root;
        var text = root.Annotation<string[]>();
        if (text is null || info.LineNumber > text.Length)
            return Math.Max(1, info.LinePosition);
        var line = text[info.LineNumber - 1];
        var quoted = JsonConvert.ToString(property.Name);
        var at = line.LastIndexOf(quoted, Math.Min(line.Length - 1, Math.Max(0, info.LinePosition - 1)), StringComparison.Ordinal);
        return at >= 0 ? at + 1 : Math.Max(1, info.LinePosition);
    }

    private JToken? Json(string path)
    {
        lock (json)
        {
            if (json.TryGetValue(path, out var known))
                return known;
            JToken? root = null;
            if (Read(path) is { } text)
            {
                try
                {
                    using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
                    root = JToken.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, CommentHandling = CommentHandling.Ignore });
                    root.AddAnnotation(text.Split('\n'));
                }
                catch (JsonException)
                {
                    root = null;
                }
            }
            return json[path] = root;
        }
    }

    private string[]? Yaml(string path)
    {
        lock (yaml)
            return yaml.TryGetValue(path, out var known) ? known : yaml[path] = Read(path)?.Split('\n');
    }

    // YAML without a YAML parser: each key of the path is the next line, below the previous key, that writes it
    // ('key:' or '- key:') further indented; a list index moves to that item's '-' line.
    private static (int Line, int Column)? YamlKey(string[] lines, IReadOnlyList<PathSegment> path)
    {
        var cursor = 0;
        var indent = -1;
        (int Line, int Column)? found = null;
        foreach (var segment in path)
        {
            var hit = -1;
            var hitIndent = 0;
            var keyPattern = segment is PathSegment.Property { Name: var keyName }
                ? new Regex("^[\"']?" + Regex.Escape(keyName) + "[\"']?\\s*:(\\s|$)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))
                : null;
            for (var i = cursor; i < lines.Length && hit < 0; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                var column = line.Length - trimmed.Length;
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                    continue;
                // Left the enclosing mapping (a list may sit at its key's own indentation).
                if (column < indent || (column == indent && !(segment is PathSegment.Index && trimmed.StartsWith('-'))))
                    return null;
                if (keyPattern is not null)
                {
                    var key = trimmed.StartsWith("- ", StringComparison.Ordinal) ? trimmed[2..].TrimStart() : trimmed;
                    var keyColumn = column + (trimmed.Length - key.Length);
                    if (keyPattern.IsMatch(key))
                        (hit, hitIndent, found) = (i, keyColumn, (i + 1, keyColumn + 1));
                }
                else if (segment is PathSegment.Index { Value: var index } && trimmed.StartsWith('-'))
                {
                    var item = 0;
                    for (var j = i; j < lines.Length; j++)
                    {
                        var t = lines[j].TrimStart();
                        if (t.StartsWith('-') && lines[j].Length - t.Length == column && item++ == index)
                        {
                            (hit, hitIndent, found) = (j, column - 1, (j + 1, column + 1));
                            break;
                        }
                    }
                    if (hit < 0)
                        return null;
                }
            }
            if (hit < 0)
                return null;
            // An item's first key sits on its '-' line: search it from there.
            (indent, cursor) = (hitIndent, segment is PathSegment.Index ? hit : hit + 1);
        }
        return found;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.Exists(path) && new FileInfo(path).Length < MaxFileBytes ? Inputs.RegularFile.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
