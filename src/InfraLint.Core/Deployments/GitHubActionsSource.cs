using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace InfraLint.Core.Deployments;

/// <summary>
/// Deployments in GitHub Actions workflows: <c>azure/arm-deploy</c> and <c>azure/bicep-deploy</c> steps, and
/// <c>run:</c> scripts (and <c>azure/cli</c>, <c>azure/powershell</c> inline scripts) with <c>az deployment</c>, <c>az stack</c> or <c>New-Az*Deployment</c>. The job's
/// <c>environment:</c> names the environment; literal <c>matrix</c> values are substituted, one deployment per combination.
/// </summary>
internal static class GitHubActionsSource
{
    private const string Kind = "github-actions";
    private const int MaxCombinations = 64;

    // A reusable workflow may call another: GitHub allows four levels of workflows in all.
    private const int MaxCallDepth = 4;

    public static void Read(string path, string repository, DeploymentCollector collector)
    {
        var relative = collector.Relative(path);
        if (YamlFile.Load(path, collector.Notes, relative) is not { } workflow || OnlyCalled(workflow))
            return; // a reusable workflow deploys what its callers give it: it is read from each of them
        ReadJobs(workflow, path, repository, collector, Substitution.None, null, [path]);
    }

    private static bool OnlyCalled(YamlNode workflow) => workflow.Child("on") switch
    {
        YamlScalarNode trigger => trigger.Value == "workflow_call",
        YamlSequenceNode triggers => triggers.Children.All(t => t.Text() == "workflow_call"),
        YamlMappingNode triggers => triggers.Entries().All(t => t.Key == "workflow_call"),
        _ => false,
    };

    /// <param name="inputs">For a reusable workflow, what its caller passes (<c>inputs.X</c>); else nothing.</param>
    /// <param name="caller">For a reusable workflow, the calling job's label: its jobs are named after it.</param>
    /// <param name="chain">The workflow files from the top-level one down to this one.</param>
    private static void ReadJobs(YamlNode workflow, string path, string repository, DeploymentCollector collector, Substitution inputs, string? caller, IReadOnlyList<string> chain)
    {
        var relative = collector.Relative(path);
        if (workflow.Child("jobs") is not YamlMappingNode jobs)
            return;
        var workflowName = Path.GetFileNameWithoutExtension(path);
        var workflowEnv = Literals(workflow.Child("env"), "env.");
        var choices = Choices(workflow.Child("on").Child("workflow_dispatch").Child("inputs"));
        var jobCount = jobs.Children.Count;
        foreach (var (jobId, job) in jobs.Entries())
        {
            var jobEnv = Literals(job.Child("env"), "env.");
            var workingDirectory = job.Child("defaults").Child("run").Text("working-directory");
            var environment = job.Child("environment") is YamlScalarNode scalar ? scalar.Value : job.Child("environment").Text("name");
            var combinations = WithChoices(Matrix(job.Child("strategy").Child("matrix"), relative, collector.Notes), choices, environment ?? string.Empty);
            foreach (var combination in combinations)
            {
                var substitution = inputs.With(workflowEnv).With(jobEnv).With(combination);
                var label = combinations.Count > 1 ? $"{jobId} ({string.Join(", ", combination.Select(c => c.Value))})" : jobId;
                if (caller is not null)
                    label = jobCount == 1 && combinations.Count == 1 ? caller : $"{caller}/{label}";
                if (job.Text("uses") is { } uses && uses.StartsWith("./", StringComparison.Ordinal))
                {
                    Call(uses, job, label, path, repository, collector, substitution, chain);
                    continue;
                }
                var environmentName = environment is null ? null : substitution.Apply(environment);
                if (environmentName is not null && !Substitution.IsResolved(environmentName))
                    environmentName = null;
                var site = new DeploymentSite(label, path, Kind, $"job {label}", environmentName, [workflowName]);
                foreach (var step in job.Child("steps").Items())
                    ReadStep(step, site, repository, collector, substitution.With(Literals(step.Child("env"), "env.")), workingDirectory);
            }
        }
    }

    // 'uses: ./.github/workflows/deploy.yml' with 'with:' values: the called workflow's jobs, with those values as its inputs.
    private static void Call(string uses, YamlNode job, string label, string path, string repository, DeploymentCollector collector, Substitution substitution, IReadOnlyList<string> chain)
    {
        var line = (int)job.Start.Line;
        if (chain.Count >= MaxCallDepth)
        {
            collector.Notes.Add($"{collector.Relative(path)}({line}): reusable workflows nested deeper than {MaxCallDepth} are not read");
            return;
        }
        if (collector.ResolveFile(uses, repository, path, line) is not { } called)
            return;
        if (chain.Contains(called, StringComparer.Ordinal))
        {
            collector.Notes.Add($"{collector.Relative(path)}({line}): '{collector.Relative(called)}' is already being read (a workflow cannot call itself); not read again");
            return;
        }
        if (YamlFile.Load(called, collector.Notes, collector.Relative(called)) is not { } workflow)
            return;
        var passed = job.Child("with").Entries()
            .Where(e => e.Value is YamlScalarNode { Value: not null })
            .Select(e => new KeyValuePair<string, string>("inputs." + e.Key, substitution.Apply(e.Value.Text()!)))
            .Where(e => Substitution.IsResolved(e.Value));
        // The called workflow's own input defaults apply where the caller passes nothing.
        var defaults = workflow.Child("on").Child("workflow_call").Child("inputs").Entries()
            .Where(e => e.Value.Text("default") is not null)
            .Select(e => new KeyValuePair<string, string>("inputs." + e.Key, e.Value.Text("default")!));
        ReadJobs(workflow, called, repository, collector, Substitution.None.With(defaults).With(passed), label, [.. chain, called]);
    }

    private static void ReadStep(YamlNode step, DeploymentSite site, string repository, DeploymentCollector collector, Substitution substitution, string? jobWorkingDirectory)
    {
        var line = (int)step.Start.Line;
        var uses = step.Text("uses");
        var with = step.Child("with");
        if (uses is not null && uses.StartsWith("azure/arm-deploy@", StringComparison.OrdinalIgnoreCase))
        {
            var (files, inline) = SplitParameters(with.Text("parameters"));
            collector.Add(site, line, with.Text("template"), files, inline, with.Text("resourceGroupName"), with.Text("subscriptionId"),
                with.Text("region"), repository, substitution);
        }
        else if (uses is not null && uses.StartsWith("azure/bicep-deploy@", StringComparison.OrdinalIgnoreCase))
        {
            var files = with.Text("parameters-file") is { } file ? new[] { file } : [];
            collector.Add(site, line, with.Text("template-file"), files, InlineObject(with.Text("parameters")), with.Text("resource-group-name"),
                with.Text("subscription-id"), with.Text("location"), repository, substitution);
        }
        else if ((step.Child("run") ?? (IsScriptAction(uses) ? with.Child("inlineScript") : null)) is YamlScalarNode { Value: { } script } run)
        {
            var workingDirectory = substitution.Apply(step.Text("working-directory") ?? jobWorkingDirectory ?? ".");
            var baseDirectory = Path.Combine(repository, workingDirectory);
            foreach (var command in DeploymentCommand.Parse(substitution.Apply(script)))
            {
                collector.Add(site, run.ContentLine() + command.Line, command.Template, command.ParameterFiles, command.Inline,
                    command.ResourceGroup, command.Subscription, command.Location, baseDirectory, substitution);
            }
        }
    }

    // azure/cli and azure/powershell run their 'inlineScript' like a run: step.
    private static bool IsScriptAction(string? uses) =>
        uses is not null && (uses.StartsWith("azure/cli@", StringComparison.OrdinalIgnoreCase) || uses.StartsWith("azure/powershell@", StringComparison.OrdinalIgnoreCase));

    /// <summary>arm-deploy's <c>parameters</c>: files (<c>file.json</c>, <c>@file</c>) and <c>name=value</c> pairs, separated by spaces or lines.</summary>
    internal static (List<string> Files, List<KeyValuePair<string, string>> Inline) SplitParameters(string? text)
    {
        var files = new List<string>();
        var inline = new List<KeyValuePair<string, string>>();
        if (text is null)
            return (files, inline);
        foreach (var word in DeploymentCommand.Tokens(text.Replace('\n', ' ').Replace('\r', ' ')).Where(w => w != ";"))
        {
            if (word.StartsWith('@'))
                files.Add(word[1..]);
            else if (word.IndexOf('=') is > 0 and var equals)
                inline.Add(new(word[..equals], word[(equals + 1)..]));
            else if (!word.Contains("://", StringComparison.Ordinal))
                files.Add(word);
        }
        return (files, inline);
    }

    // bicep-deploy's 'parameters': a JSON (or YAML flow) object of name to value.
    private static List<KeyValuePair<string, string>> InlineObject(string? text)
    {
        var inline = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(text))
            return inline;
        try
        {
            if (Newtonsoft.Json.Linq.JToken.Parse(text) is Newtonsoft.Json.Linq.JObject values)
            {
                foreach (var property in values.Properties())
                    inline.Add(new(property.Name, property.Value.Type == Newtonsoft.Json.Linq.JTokenType.String ? (string)property.Value! : property.Value.ToString(Newtonsoft.Json.Formatting.None)));
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
        }
        return inline;
    }

    // A manually run workflow whose environment is a choice input ('environment: ${{ inputs.target }}', options dev and
    // prod) deploys to each option: those are known like matrix values.
    private static Dictionary<string, List<string>> Choices(YamlNode? inputs) =>
        inputs.Entries()
            .Where(e => e.Value.Text("type") == "choice")
            .Select(e => (e.Key, Options: e.Value.Child("options").Items().Select(o => o.Text()).OfType<string>().ToList()))
            .Where(e => e.Options.Count > 0)
            .ToDictionary(e => e.Key, e => e.Options, StringComparer.OrdinalIgnoreCase);

    private static List<Dictionary<string, string>> WithChoices(List<Dictionary<string, string>> combinations, Dictionary<string, List<string>> choices, string environment)
    {
        foreach (var (name, options) in choices.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!Regex.IsMatch(environment, $@"\binputs\.{Regex.Escape(name)}\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)) ||
                combinations.Count * options.Count > MaxCombinations)
                continue;
            combinations = combinations.SelectMany(c => options.Select(o => new Dictionary<string, string>(c, StringComparer.OrdinalIgnoreCase) { ["inputs." + name] = o })).ToList();
        }
        return combinations;
    }

    private static Dictionary<string, string> Literals(YamlNode? map, string prefix) =>
        map.Entries().Where(e => e.Value is YamlScalarNode { Value: not null }).ToDictionary(e => prefix + e.Key, e => e.Value.Text()!, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The combinations of a literal matrix (<c>include</c> entries extend matching combinations or add their own,
    /// <c>exclude</c> entries remove); a matrix computed at run time (<c>fromJSON(…)</c>) is one combination with nothing known.
    /// </summary>
    internal static List<Dictionary<string, string>> Matrix(YamlNode? matrix, string relative, List<string> notes)
    {
        var none = new List<Dictionary<string, string>> { new(StringComparer.OrdinalIgnoreCase) };
        if (matrix is not YamlMappingNode)
            return none;
        var combinations = none;
        foreach (var (key, values) in matrix.Entries().Where(e => e.Key is not ("include" or "exclude")))
        {
            var literals = values.Items().Select(v => v.Text()).ToList();
            if (literals.Count == 0 || literals.Any(v => v is null))
                continue; // objects or expressions: references to them stay unknown
            combinations = combinations.SelectMany(c => literals.Select(v => new Dictionary<string, string>(c, StringComparer.OrdinalIgnoreCase) { ["matrix." + key] = v! })).ToList();
            if (combinations.Count > MaxCombinations)
            {
                notes.Add($"{relative}: a matrix of more than {MaxCombinations} combinations is not expanded");
                return none;
            }
        }
        var original = combinations.Select(c => c.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase)).FirstOrDefault() ?? [];
        foreach (var exclude in matrix.Child("exclude").Items())
        {
            var removed = Literals(exclude, "matrix.");
            combinations.RemoveAll(c => removed.Count > 0 && removed.All(r => c.TryGetValue(r.Key, out var v) && v == r.Value));
        }
        foreach (var include in matrix.Child("include").Items())
        {
            var added = Literals(include, "matrix.");
            var matching = combinations.Where(c => c.Count > 0 && added.Where(a => original.Contains(a.Key)).All(a => c.TryGetValue(a.Key, out var v) && v == a.Value)).ToList();
            if (matching.Count == 0 || original.Count == 0)
                combinations.Add(new Dictionary<string, string>(added, StringComparer.OrdinalIgnoreCase));
            else
                matching.ForEach(c => { foreach (var (k, v) in added) c[k] = v; });
        }
        combinations.RemoveAll(c => c.Count == 0 && combinations.Count > 1);
        return combinations.Count is > 0 and <= MaxCombinations ? combinations : none;
    }
}
