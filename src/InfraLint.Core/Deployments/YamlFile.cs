using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Core.Deployments;

/// <summary>
/// Reads pipeline and azd YAML with YamlDotNet, bounded: files over a size limit are not read, and a file
/// that does not parse is a note, never an error. Aliases are kept as shared nodes (no expansion), and the
/// walkers visit a bounded number of them.
/// </summary>
internal static class YamlFile
{
    public const int MaxBytes = 1024 * 1024;

    public static YamlMappingNode? Load(string path, List<string> notes, string relative)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null)
                return null;
            if (info.Length > MaxBytes)
            {
                notes.Add($"{relative}: skipped, larger than {MaxBytes / 1024} KB");
                return null;
            }
            var stream = new YamlStream();
            using var reader = new StringReader(Inputs.RegularFile.ReadAllText(path));
            stream.Load(reader);
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException e)
        {
            notes.Add($"{relative}: skipped, not valid YAML (line {e.Start.Line})");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            notes.Add($"{relative}: skipped, it could not be read");
            return null;
        }
    }

    public static YamlNode? Child(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map)
            return null;
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name } && name == key)
                return entry.Value;
        }
        return null;
    }

    public static string? Text(this YamlNode? node) => node is YamlScalarNode { Value: { } value } ? value : null;

    public static string? Text(this YamlNode? node, string key) => node.Child(key).Text();

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode list ? list.Children : [];

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Where(e => e.Key is YamlScalarNode { Value: not null }).Select(e => (((YamlScalarNode)e.Key).Value!, e.Value))
            : [];

    /// <summary>The 1-based line where the text of a scalar starts: the line after the indicator of a block scalar.</summary>
    public static int ContentLine(this YamlNode node) =>
        (int)node.Start.Line + (node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } ? 1 : 0);
}
