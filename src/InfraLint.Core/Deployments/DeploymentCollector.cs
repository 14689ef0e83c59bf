using InfraLint.Core.Config;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Deployments;

/// <summary>
/// Gathers the deployments the sources find, resolves their paths inside the repository, and at the end
/// makes their names unique and classifies their environments.
/// </summary>
internal sealed class DeploymentCollector(string root, EnvironmentSettings settings)
{
    private const int MaxDeployments = 1000;

    // Where a pipeline's files are, as pipelines write it; the repository root here.
    private static readonly string[] WorkspacePrefixes =
    [
        "${{ github.workspace }}", "${{github.workspace}}", "$GITHUB_WORKSPACE", "${GITHUB_WORKSPACE}",
        "$(System.DefaultWorkingDirectory)", "$(Build.SourcesDirectory)", "$(Build.Repository.LocalPath)", "$SYSTEM_DEFAULTWORKINGDIRECTORY",
        "$BUILD_SOURCESDIRECTORY",
    ];

    private readonly EnvironmentClassifier classifier = new(settings);
    private readonly List<Pending> pending = new();

    public string Root => root;

    public List<string> Notes { get; } = new();

    private sealed record Pending(DeploymentSite Site, int Line, string Template, string? Parameters, IReadOnlyDictionary<string, TemplateValue> Values,
        bool ValuesReplaceParametersFile, EnvironmentInfo? Declared, string? Subscription, string? ResourceGroup, string? Location);

    public string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>A file named by a pipeline (relative to <paramref name="baseDirectory"/>), if it is a regular file in the repository.</summary>
    public string? ResolveFile(string? written, string baseDirectory, string declaredIn, int line, string? what = null)
    {
        var outcome = what is null ? "that deployment is skipped" : $"the deployment is analysed without this {what}";
        if (string.IsNullOrWhiteSpace(written))
            return null;
        var text = written.Trim();
        foreach (var prefix in WorkspacePrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..].TrimStart('/', '\\');
                baseDirectory = root;
                break;
            }
        }
        if (!Substitution.IsResolved(text) || text.Contains("://", StringComparison.Ordinal) || text.Length > 1024 || text.Contains('\0'))
        {
            Notes.Add($"{Relative(declaredIn)}({line}): '{Printable(written)}' is not a file InfraLint can resolve; {outcome}");
            return null;
        }
        try
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, text));
            if (!IsUnder(full) || !File.Exists(full) || new FileInfo(full).LinkTarget is not null)
            {
                Notes.Add($"{Relative(declaredIn)}({line}): '{Printable(text)}' is not a file of the repository; {outcome}");
                return null;
            }
            return full;
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool IsUnder(string full) =>
        full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // Notes go to standard error: control characters and long values stay out.
    private static string Printable(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length > 120 ? clean[..120] + "…" : clean;
    }

    /// <summary>A deployment command of a pipeline job: template and parameters resolved, inline values read.</summary>
    public void Add(DeploymentSite site, int line, string? template, IEnumerable<string> parameterFiles, IEnumerable<KeyValuePair<string, string>> inline,
        string? resourceGroup, string? subscription, string? location, string baseDirectory, Substitution substitution)
    {
        if (template is null)
            return;
        var templatePath = ResolveFile(substitution.Apply(template), baseDirectory, site.File, line);
        if (templatePath is null)
            return;
        if (!templatePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) && !templatePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            Notes.Add($"{Relative(site.File)}({line}): '{Relative(templatePath)}' is not a Bicep or ARM JSON template; that deployment is skipped");
            return;
        }
        string? parameters = null;
        foreach (var file in parameterFiles)
        {
            var resolved = ResolveFile(substitution.Apply(file), baseDirectory, site.File, line, "parameters file");
            if (resolved is null)
                continue;
            if (parameters is not null)
                Notes.Add($"{Relative(site.File)}({line}): only the first parameters file ('{Relative(parameters)}') is applied");
            else
                parameters = resolved;
        }
        var values = new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, written) in inline)
            values[name] = Value(substitution.Apply(written));
        AddResolved(site, line, templatePath, parameters, values, false, null, Known(substitution, subscription), Known(substitution, resourceGroup), Known(substitution, location));
    }

    public void AddResolved(DeploymentSite site, int line, string template, string? parameters, IReadOnlyDictionary<string, TemplateValue> values,
        bool valuesReplaceParametersFile, EnvironmentInfo? declared, string? subscription, string? resourceGroup, string? location)
    {
        if (pending.Count >= MaxDeployments)
        {
            if (pending.Count == MaxDeployments)
                Notes.Add($"more than {MaxDeployments} deployments: the rest are not analysed as deployments");
            return;
        }
        var deployment = new Pending(site, line, template, parameters, values, valuesReplaceParametersFile, declared, subscription, resourceGroup, location);
        // A job that validates, previews (what-if) and then creates the same deployment deploys it once.
        if (!pending.Any(p => p.Site == site && Repeats(p, deployment)))
            pending.Add(deployment);
    }

    private static bool Repeats(Pending first, Pending then) =>
        first.Template == then.Template && first.Parameters == then.Parameters && first.ValuesReplaceParametersFile == then.ValuesReplaceParametersFile &&
        first.Declared == then.Declared && first.Subscription == then.Subscription && first.ResourceGroup == then.ResourceGroup &&
        first.Location == then.Location && first.Values.Count == then.Values.Count &&
        first.Values.All(v => then.Values.TryGetValue(v.Key, out var other) && v.Value.IsKnown == other.IsKnown &&
            (!v.Value.IsKnown || JToken.DeepEquals(v.Value.Value, other.Value)));

    private static string? Known(Substitution substitution, string? text) =>
        text is null ? null : substitution.Apply(text) is var value && Substitution.IsResolved(value) && value.Length > 0 ? value : null;

    /// <summary>An inline value as a pipeline passes it: JSON when it parses as a number, boolean, array or object, else a string; unknown while an expression is left in it.</summary>
    public static TemplateValue Value(string written)
    {
        if (!Substitution.IsResolved(written))
            return TemplateValue.Unknown();
        var trimmed = written.Trim();
        if (trimmed.Length > 0 && (trimmed[0] is '{' or '[' or '-' || char.IsAsciiDigit(trimmed[0]) || trimmed is "true" or "false"))
        {
            try
            {
                return TemplateValue.Known(JToken.Parse(trimmed));
            }
            catch (JsonException)
            {
            }
        }
        return TemplateValue.Known(new JValue(written));
    }

    /// <summary>The deployments, named uniquely, classified, sorted by template then name.</summary>
    public IReadOnlyList<DeclaredDeployment> Build()
    {
        var names = UniqueNames();
        return pending.Select((p, i) => new DeclaredDeployment(names[i], p.Template, p.Parameters, Classify(p),
                new DeploymentEvidence(p.Site.File, p.Line, p.Site.Kind),
                p.Site.Detail is null ? Relative(p.Site.File) : $"{Relative(p.Site.File)}, {p.Site.Detail}",
                p.Subscription, p.ResourceGroup, p.Location)
            {
                Values = p.Values,
                ValuesReplaceParametersFile = p.ValuesReplaceParametersFile,
            })
            .OrderBy(d => Relative(d.Template), StringComparer.Ordinal)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    // The job's name; where two share it, qualified by their stage or file, then numbered in declaration order.
    private List<string> UniqueNames()
    {
        var names = pending.Select(p => p.Site.Name).ToList();
        var levels = new int[pending.Count];
        for (var round = 0; round < 4; round++)
        {
            var clashing = Clashes(names);
            if (clashing.Count == 0)
                return names;
            foreach (var group in clashing.GroupBy(i => names[i], StringComparer.OrdinalIgnoreCase))
            {
                // A qualifier they all share (the workflow of two steps of one job) tells nothing apart: the next one may.
                string? Next(int i) => levels[i] < pending[i].Site.Qualifiers.Count ? pending[i].Site.Qualifiers[levels[i]] : null;
                var distinguishes = group.Select(Next).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1;
                foreach (var i in group.Where(i => Next(i) is not null))
                {
                    if (distinguishes)
                        names[i] = $"{Next(i)}/{names[i]}";
                    levels[i]++;
                }
            }
        }
        foreach (var group in Clashes(names).GroupBy(i => names[i], StringComparer.OrdinalIgnoreCase).ToList())
        {
            var n = 0;
            foreach (var i in group.OrderBy(i => Relative(pending[i].Site.File), StringComparer.Ordinal).ThenBy(i => pending[i].Line))
                names[i] = n++ == 0 ? names[i] : $"{names[i]} #{n}";
        }
        return names;
    }

    private static List<int> Clashes(List<string> names) =>
        names.Select((n, i) => (n, i)).GroupBy(x => x.n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g.Select(x => x.i)).ToList();

    // What names the environment, first match wins: what the declaration says (infralint.json, the job's environment),
    // a subscription configured as one, the parameters file's name or folder, the resource group's name.
    private EnvironmentInfo Classify(Pending p)
    {
        if (p.Declared is { IsKnown: true } declared)
            return declared;
        var byName = settings.DeploymentNames.Classify(p.Site.EnvironmentName, "environment");
        if (byName.IsKnown)
            return byName;
        var bySubscription = classifier.ClassifySubscription(p.Subscription);
        if (bySubscription.IsKnown)
            return bySubscription;
        if (p.Parameters is not null)
        {
            var byFile = classifier.ClassifyName(Path.GetFileName(p.Parameters), "parameters file");
            if (byFile.IsKnown)
                return byFile;
            var byFolder = classifier.ClassifyFolder(Path.GetFileName(Path.GetDirectoryName(p.Parameters)));
            if (byFolder.IsKnown)
                return byFolder;
        }
        return classifier.ClassifyName(p.ResourceGroup, "resource group");
    }
}
