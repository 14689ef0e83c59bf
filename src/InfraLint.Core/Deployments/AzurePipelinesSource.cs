using YamlDotNet.RepresentationModel;

namespace InfraLint.Core.Deployments;

/// <summary>
/// Deployments in Azure Pipelines YAML: <c>AzureResourceManagerTemplateDeployment</c> tasks, and inline scripts of
/// <c>AzureCLI</c>, <c>AzurePowerShell</c>, <c>script</c>, <c>bash</c>, <c>pwsh</c> and <c>powershell</c> steps. A
/// deployment job's <c>environment:</c> names the environment; literal variables and template parameter defaults are substituted.
/// </summary>
internal static class AzurePipelinesSource
{
    private const string Kind = "azure-pipelines";
    private const int MaxSteps = 10_000;

    /// <summary>A file Azure Pipelines runs: stages, jobs or steps at its top, and no GitHub <c>on:</c> trigger.</summary>
    public static bool LooksLikePipeline(YamlMappingNode root) =>
        (root.Child("stages") is not null || root.Child("jobs") is YamlSequenceNode || root.Child("steps") is not null) &&
        root.Child("on") is null && root.Child("true") is null;

    public static void Read(string path, DeploymentCollector collector, YamlMappingNode? root = null)
    {
        var relative = collector.Relative(path);
        root ??= YamlFile.Load(path, collector.Notes, relative);
        if (root is null || !LooksLikePipeline(root))
            return;
        var file = Path.GetFileNameWithoutExtension(path);
        var substitution = new Substitution(Variables(root.Child("variables")).Concat(ParameterDefaults(root.Child("parameters")))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
        var budget = new int[] { MaxSteps };
        foreach (var stage in root.Child("stages").Items())
        {
            var stageName = stage.Text("stage");
            var stageSubstitution = substitution.With(Variables(stage.Child("variables")));
            foreach (var job in stage.Child("jobs").Items())
                ReadJob(job, stageName, file, path, collector, stageSubstitution, budget);
        }
        foreach (var job in root.Child("jobs").Items())
            ReadJob(job, null, file, path, collector, substitution, budget);
        if (root.Child("steps") is { } steps)
        {
            var site = new DeploymentSite(file, path, Kind, null, null, []);
            ReadSteps(steps, site, collector, substitution, budget);
        }
    }

    private static void ReadJob(YamlNode job, string? stage, string file, string path, DeploymentCollector collector, Substitution substitution, int[] budget)
    {
        var name = job.Text("deployment") ?? job.Text("job");
        if (name is null)
            return; // a job template reference: its file is read on its own
        var jobSubstitution = substitution.With(Variables(job.Child("variables")));
        var environment = job.Child("environment") is YamlScalarNode scalar ? scalar.Value : job.Child("environment").Text("name");
        // 'env.resource' names a resource of the environment.
        if (environment is not null)
        {
            environment = jobSubstitution.Apply(environment).Split('.')[0];
            if (!Substitution.IsResolved(environment))
                environment = null;
        }
        var detail = stage is null ? $"job {name}" : $"stage {stage}, job {name}";
        var qualifiers = stage is null ? new[] { file } : [stage, file];
        var site = new DeploymentSite(name, path, Kind, detail, environment, qualifiers);
        ReadSteps(job.Child("steps"), site, collector, jobSubstitution, budget);
        // Deployment jobs: runOnce, rolling and canary strategies, each with its lifecycle hooks.
        foreach (var (_, strategy) in job.Child("strategy").Entries())
        {
            foreach (var (_, hook) in strategy.Entries())
                ReadSteps(hook.Child("steps"), site, collector, jobSubstitution, budget);
        }
    }

    private static void ReadSteps(YamlNode? steps, DeploymentSite site, DeploymentCollector collector, Substitution substitution, int[] budget)
    {
        foreach (var step in steps.Items())
        {
            if (--budget[0] < 0)
                return;
            var task = step.Text("task");
            var inputs = step.Child("inputs");
            if (task is not null && task.StartsWith("AzureResourceManagerTemplateDeployment@", StringComparison.OrdinalIgnoreCase))
            {
                var files = inputs.Text("csmParametersFile") is { } file ? new[] { file } : [];
                collector.Add(site, (int)step.Start.Line, inputs.Text("csmFile"), files, OverrideParameters(inputs.Text("overrideParameters")),
                    inputs.Text("resourceGroupName"), inputs.Text("subscriptionId"), inputs.Text("location"), collector.Root, substitution);
                continue;
            }
            var (script, workingDirectory) = Script(step, task, inputs);
            if (script is not YamlScalarNode { Value: { } text } node)
                continue;
            var baseDirectory = Path.Combine(collector.Root, substitution.Apply(workingDirectory ?? "."));
            foreach (var command in DeploymentCommand.Parse(substitution.Apply(text)))
            {
                collector.Add(site, node.ContentLine() + command.Line, command.Template, command.ParameterFiles, command.Inline,
                    command.ResourceGroup, command.Subscription, command.Location, baseDirectory, substitution);
            }
        }
    }

    private static (YamlNode? Script, string? WorkingDirectory) Script(YamlNode step, string? task, YamlNode? inputs)
    {
        if (task is not null && task.StartsWith("AzureCLI@", StringComparison.OrdinalIgnoreCase))
            return (inputs.Child("inlineScript"), inputs.Text("workingDirectory"));
        if (task is not null && task.StartsWith("AzurePowerShell@", StringComparison.OrdinalIgnoreCase))
            return (inputs.Child("Inline") ?? inputs.Child("inline"), inputs.Text("workingDirectory"));
        foreach (var key in new[] { "script", "bash", "pwsh", "powershell" })
        {
            if (step.Child(key) is { } script)
                return (script, step.Text("workingDirectory"));
        }
        return (null, null);
    }

    /// <summary><c>-name value -other "two words"</c>, as the ARM deployment task takes overrides.</summary>
    internal static List<KeyValuePair<string, string>> OverrideParameters(string? text)
    {
        var values = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(text))
            return values;
        var words = DeploymentCommand.Tokens(text);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].StartsWith('-') && words[i].Length > 1)
                values.Add(new(words[i][1..], words[++i]));
        }
        return values;
    }

    // variables: as a map, or a list of { name, value } (groups and templates in the list are unknown).
    private static IEnumerable<KeyValuePair<string, string>> Variables(YamlNode? variables)
    {
        foreach (var (key, value) in variables.Entries())
        {
            if (value.Text() is { } text)
                yield return new("variables." + key, text);
        }
        foreach (var item in variables.Items())
        {
            if (item.Text("name") is { } name && item.Text("value") is { } value)
                yield return new("variables." + name, value);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> ParameterDefaults(YamlNode? parameters)
    {
        foreach (var item in parameters.Items())
        {
            if (item.Text("name") is { } name && item.Text("default") is { } value)
                yield return new("parameters." + name, value);
        }
    }
}
