using InfraLint.Core.Inputs;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>A template file a deployment links to with <c>templateLink.relativePath</c>, read and parsed.</summary>
internal sealed record LinkedTemplate(string Path, string Text, JObject Template);

/// <summary>
/// Linked templates of one entry: <c>Microsoft.Resources/deployments</c> with <c>properties.templateLink.relativePath</c>
/// name a template file beside the linking one, as <c>az deployment</c> and template specs resolve it (relative to the
/// file that links). Every file of the analysed tree may be an attacker's, so a link is followed only to a regular JSON
/// deployment template inside the read boundary (symbolic links resolved first) that is not already on the chain of
/// files linking to it; anything else is an opaque dependency (INFRA0007) and its file is never opened.
/// A <c>templateLink.uri</c> or template spec <c>id</c> is opaque too: InfraLint reads nothing from the network.
/// </summary>
internal sealed class LinkedTemplates(string entryPath, ReadBoundary? boundary)
{
    private readonly ReadBoundary boundary = boundary
        ?? new ReadBoundary([RepositoryRoot.Of(entryPath) ?? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(entryPath))!]);

    private readonly List<OpaqueDependency> opaque = [];
    private readonly SortedSet<string> read = new(StringComparer.Ordinal);
    private readonly SortedSet<string> switchedOff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedTemplate> files = new(StringComparer.Ordinal);
    private int followed;

    /// <summary>
    /// The most links one entry follows. A file may be linked many times over (by loop items, by each template it links
    /// to in turn), so without a bound a few small files could multiply the work at every level.
    /// </summary>
    public const int MaxLinksPerEntry = 256;

    /// <summary>Links that were left opaque, in the order they were met.</summary>
    public IReadOnlyList<OpaqueDependency> Opaque => opaque;

    /// <summary>The linked files that were read (full paths): the result depends on them.</summary>
    public IReadOnlyCollection<string> Read => read;

    /// <summary>Linked files of deployments whose condition is known to be false: deployed through the entry, switched off.</summary>
    public IReadOnlyCollection<string> SwitchedOff => switchedOff;

    /// <summary>The <c>templateLink</c> of a deployment that has no inline template, or null.</summary>
    public static JObject? LinkOf(JObject deployment) =>
        deployment["properties"] is JObject properties && properties["template"] is null &&
        properties.GetValue("templateLink", StringComparison.OrdinalIgnoreCase) is JObject link
            ? link
            : null;

    /// <summary>
    /// The template <paramref name="link"/> (in <paramref name="linkingFile"/>, at <paramref name="line"/>) names, or null
    /// when it is left opaque (recorded in <see cref="Opaque"/>). <paramref name="chain"/> are the files linking down to
    /// this one, the entry first: a link back to one of them is a cycle.
    /// </summary>
    public LinkedTemplate? Follow(JObject link, ArmEvaluator evaluator, string linkingFile, (int Line, int Column) at,
        IReadOnlyCollection<string> chain, bool isSwitchedOff)
    {
        var written = link.GetValue("relativePath", StringComparison.OrdinalIgnoreCase);
        if (written is null)
        {
            // The URI is not shown: it may carry a SAS token.
            if (isSwitchedOff)
                return null;
            var (reference, kind) = link.GetValue("id", StringComparison.OrdinalIgnoreCase) is not null ? ("templateLink.id", "template spec") : ("templateLink.uri", "template link");
            return LeftOpaque(linkingFile, at, reference, $"a {kind} is deployed from outside the repository and is not read");
        }
        // Shown as written: a literal path, or the expression that computes it.
        var shown = written is JValue { Type: JTokenType.String } text ? (string)text! : written.ToString(Formatting.None);
        var relative = evaluator.Evaluate(written).AsString;
        var path = relative is { Length: > 0 } ? Beside(linkingFile, relative) : null;
        // Nothing about a file outside the tree is looked at, not even whether it exists.
        var problem = relative is not { Length: > 0 } ? "its path is not known before deployment"
            : path is null ? "it is not a path relative to the linking template"
            : !boundary.Contains(path) ? "it is outside the analysed tree"
            : !File.Exists(path) ? "the file does not exist"
            : null;
        if (isSwitchedOff)
        {
            // Deployed through this entry, switched off: not analysed, and not on its own defaults either.
            if (problem is null)
                switchedOff.Add(path!);
            return null;
        }
        if (problem is not null)
            return LeftOpaque(linkingFile, at, shown, problem);
        if (chain.Contains(ChainKey(path!), StringComparer.Ordinal))
            return LeftOpaque(linkingFile, at, shown, "it links back to a template that links to it");
        if (++followed > MaxLinksPerEntry)
            return LeftOpaque(linkingFile, at, shown, $"the deployment already follows {MaxLinksPerEntry} linked templates");
        // Read once per entry: every link to the file sees the same template.
        if (files.TryGetValue(path!, out var known))
            return known;
        if (RegularFile.Problem(path!) is { } refused)
            return LeftOpaque(linkingFile, at, shown, refused);
        string content;
        JObject template;
        try
        {
            content = RegularFile.ReadAllText(path!);
            template = ArmTemplateReader.Parse(content);
        }
        catch (JsonException)
        {
            return LeftOpaque(linkingFile, at, shown, "it is not valid JSON");
        }
        catch (IOException)
        {
            return LeftOpaque(linkingFile, at, shown, "it could not be read");
        }
        if (!ArmTemplateReader.IsDeploymentTemplate(template))
            return LeftOpaque(linkingFile, at, shown, "it is not an ARM deployment template");
        read.Add(path!);
        return files[path!] = new LinkedTemplate(path!, content, template);
    }

    // The file relativePath names, relative to the linking file's folder; null for a path that is not relative (rooted, a
    // drive or URI scheme) or not a path at all.
    private static string? Beside(string linkingFile, string relative)
    {
        var normalized = relative.Replace('\\', '/');
        if (System.IO.Path.IsPathRooted(normalized) || normalized.Contains(':', StringComparison.Ordinal) || normalized.Contains('\0', StringComparison.Ordinal))
            return null;
        try
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(linkingFile))!, normalized));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>The real path of a file, as <see cref="Follow"/> compares the chain of linking files.</summary>
    public static string ChainKey(string path) => ReadBoundary.RealPath(System.IO.Path.GetFullPath(path));

    // A link met again (a loop item, a file linked from several places) is named once.
    private LinkedTemplate? LeftOpaque(string file, (int Line, int Column) at, string reference, string reason)
    {
        var dependency = new OpaqueDependency(file, at.Line, at.Column, reference, reason);
        if (!opaque.Contains(dependency))
            opaque.Add(dependency);
        return null;
    }
}
