using InfraLint.Core.Inputs;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>Loads ARM JSON deployment templates; other JSON files are skipped (or reported when named explicitly).</summary>
internal static class ArmFrontEnd
{
    /// <param name="namedExplicitly">The user named the file: JSON that is not a template is reported instead of skipped.</param>
    public static LoadResult Load(string path, bool namedExplicitly) => Load(path, parameterValues: null, namedExplicitly: namedExplicitly);

    /// <summary>
    /// Loads a template, with the values of a parameters file when <paramref name="parameterValues"/> is given
    /// (and where that file writes them, <paramref name="supplied"/>).
    /// </summary>
    public static LoadResult Load(string path, IReadOnlyDictionary<string, TemplateValue>? parameterValues,
        IReadOnlyList<SuppliedParameter>? supplied = null, bool namedExplicitly = false)
    {
        var text = RegularFile.ReadAllText(path);
        var namedAsParameters = path.EndsWith(ParametersSuffix, StringComparison.OrdinalIgnoreCase);
        JObject root;
        try
        {
            root = ArmTemplateReader.Parse(text);
        }
        catch (JsonException e)
        {
            var parameters = namedAsParameters || ParameterValues.MentionsParametersSchema(text);
            if (!namedExplicitly && !parameters && !ArmTemplateReader.MentionsDeploymentTemplateSchema(text))
                return LoadResult.Skipped; // some other broken JSON file in the project: not ours to judge
            var reason = string.IsNullOrWhiteSpace(text) ? "the file is empty" : "invalid JSON: " + FirstSentence(e.Message);
            var failed = LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, At(path, e), reason));
            return parameters ? UnusableParameters(failed, path, text) : failed;
        }

        if (ParameterValues.IsParametersFile(root) || namedAsParameters && root["parameters"] is JObject && !ArmTemplateReader.IsDeploymentTemplate(root))
        {
            // With duplicate keys only the last value would be checked, and which one deploys is the reader's choice: the
            // file is INFRA0001, and every value in it is still checked.
            if (ArmTemplateReader.DuplicateKey(text) is { } duplicate)
            {
                return UnusableParameters(LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, At(path, duplicate),
                    "a parameters file with a duplicate key: " + FirstSentence(duplicate.Message))), path, text);
            }
            if (TemplateFor(path) is { } template)
                return LoadResult.Skipped with { ParametersFor = (template, ParameterValues.From(root), ParameterValues.Supplied(root, new JsonSourceLocator(path, text))) };
            return UnusableParameters(LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(path),
                "a parameters file with no template to pair it with (NAME.parameters.json or NAME.ENV.parameters.json pairs with NAME.json or NAME.bicep beside it, NAME.json with NAME.bicep)")),
                path, text);
        }

        if (!ArmTemplateReader.IsDeploymentTemplate(root))
        {
            return namedExplicitly
                ? LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(path),
                    "the file is JSON but its $schema is not an ARM deployment template"))
                : LoadResult.Skipped;
        }

        var locator = new JsonSourceLocator(path, text);
        var models = new List<TemplateModel>();
        Build(path, root, new ArmEvaluator(root, parameterValues), locator, models, new ResourceLoops.Budget(), depth: 0, supplied);
        return LoadResult.Of(models) with { JsonSource = (path, text) };
    }

    // The template, then each nested inline deployment (same file, so the same locator).
    private static void Build(string path, JObject template, ArmEvaluator evaluator, JsonSourceLocator locator, List<TemplateModel> models,
        ResourceLoops.Budget loops, int depth,
        IReadOnlyList<SuppliedParameter>? supplied = null, CompiledTemplate? parent = null, NestedDeployment? caller = null)
    {
        var entries = ResourceLoops.Expand(ArmResources.Read(template), template, evaluator, loops);
        var resources = entries
            .Select(e => new ResourceModel(e.Body, e.Type, e.ApiVersion, e.SymbolicName, e.IsExisting,
                locator.Locate((JToken?)e.Written.Property("type", StringComparison.OrdinalIgnoreCase) ?? e.Written),
                evaluator.Evaluate(e.Body["name"]).AsString))
            .ToList();
        var model = new CompiledTemplate(path, SourceLanguage.ArmJson, template, resources, locator, evaluator, supplied)
        {
            Parent = parent,
            CallerDeployment = caller?.Deployment.Body,
            InnerScope = caller?.InnerScope ?? true,
        };
        models.Add(model);
        if (depth >= NestedDeployments.MaxDepth)
            return;
        // A nested deployment whose condition is known to be false deploys nothing: its template is not analysed.
        foreach (var nested in NestedDeployments.Of(entries, evaluator).Where(n => !n.SwitchedOff))
        {
            var nestedEvaluator = nested.InnerScope ? new ArmEvaluator(nested.Template, nested.ParameterValues) : evaluator;
            Build(path, nested.Template, nestedEvaluator, locator, models, loops, depth + 1, parent: model, caller: nested);
        }
    }

    private const string ParametersSuffix = ".parameters.json";

    // A parameters file InfraLint cannot apply (broken, ambiguous, unpaired): its string values are still checked for credentials.
    private static LoadResult UnusableParameters(LoadResult failed, string path, string text) =>
        ParametersFileStrings.Scan(path, text) is { Count: > 0 } supplied
            ? failed with { Models = [ParametersFileStrings.Model(path, SourceLanguage.ArmJson, supplied)] }
            : failed;

    private static SourceLocation At(string path, JsonException e) =>
        e is JsonReaderException { LineNumber: > 0 } r ? new SourceLocation(path, r.LineNumber, Math.Max(1, r.LinePosition)) : SourceLocation.StartOf(path);

    // main.parameters.json, main.prod.parameters.json -> main.json or main.bicep beside it; a parameters file named
    // like its Bicep template (read.json beside read.bicep, as deployment scripts and AVM's nested tests use) -> that one.
    internal static string? TemplateFor(string parametersFile)
    {
        var name = Path.GetFileName(parametersFile);
        const string Suffix = ParametersSuffix;
        if (!name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            return Path.ChangeExtension(parametersFile, ".bicep") is var twin && File.Exists(twin) ? twin : null;
        var stem = name[..^Suffix.Length];
        var directory = Path.GetDirectoryName(parametersFile)!;
        var stems = stem.Contains('.') ? new[] { stem, stem[..stem.LastIndexOf('.')] } : new[] { stem };
        return stems
            .SelectMany(s => new[] { s + ".json", s + ".bicep" })
            .Select(f => Path.Combine(directory, f))
            .FirstOrDefault(File.Exists);
    }

    // Newtonsoft.Json appends "Path '...', line N, position M." — the location says that already.
    // and some messages end by quoting the character found ("…encountered: s"): a piece of the file, left out.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        var sentence = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        var quote = sentence.LastIndexOf(": ", StringComparison.Ordinal);
        return quote > 0 && sentence.Length - quote <= 6 ? sentence[..quote] : sentence;
    }
}
