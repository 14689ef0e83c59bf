using InfraLint.Core.Engine;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>Loads ARM JSON deployment templates; other JSON files are skipped (or reported when named explicitly).</summary>
internal static class ArmFrontEnd
{
    public static LoadResult Load(InputFile file) => Load(file, parameterValues: null);

    /// <summary>
    /// Loads a template, with the values of a parameters file when <paramref name="parameterValues"/> is given
    /// (and where that file writes them, <paramref name="supplied"/>).
    /// </summary>
    public static LoadResult Load(InputFile file, IReadOnlyDictionary<string, TemplateValue>? parameterValues,
        IReadOnlyList<SuppliedParameter>? supplied = null)
    {
        var text = RegularFile.ReadAllText(file.Path);
        var namedAsParameters = file.Path.EndsWith(ParametersSuffix, StringComparison.OrdinalIgnoreCase);
        JObject root;
        try
        {
            root = ArmTemplateReader.Parse(text);
        }
        catch (JsonException e)
        {
            var parameters = namedAsParameters || ParameterValues.MentionsParametersSchema(text);
            if (!file.Explicit && !parameters && !ArmTemplateReader.MentionsDeploymentTemplateSchema(text))
                return LoadResult.Skipped; // some other broken JSON file in the project: not ours to judge
            var reason = string.IsNullOrWhiteSpace(text) ? "the file is empty" : "invalid JSON: " + FirstSentence(e.Message);
            var failed = LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, At(file.Path, e), reason));
            return parameters ? UnusableParameters(failed, file.Path, text) : failed;
        }

        if (ParameterValues.IsParametersFile(root) || namedAsParameters && root["parameters"] is JObject && !ArmTemplateReader.IsDeploymentTemplate(root))
        {
            // With duplicate keys only the last value would be checked, and which one deploys is the reader's choice: the
            // file is INFRA0001, and every value in it is still checked.
            if (ArmTemplateReader.DuplicateKey(text) is { } duplicate)
            {
                return UnusableParameters(LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, At(file.Path, duplicate),
                    "a parameters file with a duplicate key: " + FirstSentence(duplicate.Message))), file.Path, text);
            }
            if (TemplateFor(file.Path) is { } template)
                return LoadResult.Skipped with { ParametersFor = (template, ParameterValues.From(root), ParameterValues.Supplied(root, new JsonSourceLocator(file.Path, text))) };
            return UnusableParameters(LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path),
                "a parameters file with no template to pair it with (NAME.parameters.json or NAME.ENV.parameters.json pairs with NAME.json or NAME.bicep beside it)")),
                file.Path, text);
        }

        if (!ArmTemplateReader.IsDeploymentTemplate(root))
        {
            return file.Explicit
                ? LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path),
                    "the file is JSON but its $schema is not an ARM deployment template"))
                : LoadResult.Skipped;
        }

        var locator = new JsonSourceLocator(file.Path, text);
        var models = new List<TemplateModel>();
        Build(file.Path, root, new ArmEvaluator(root, parameterValues), locator, models, depth: 0, supplied);
        return LoadResult.Of(models);
    }

    // The template, then each nested inline deployment (same file, so the same locator).
    private static void Build(string path, JObject template, ArmEvaluator evaluator, JsonSourceLocator locator, List<TemplateModel> models, int depth,
        IReadOnlyList<SuppliedParameter>? supplied = null, CompiledTemplate? parent = null, NestedDeployment? caller = null)
    {
        var entries = ArmResources.Read(template);
        var resources = entries
            .Select(e => new ResourceModel(e.Body, e.Type, e.ApiVersion, e.SymbolicName, e.IsExisting,
                locator.Locate((JToken?)e.Body.Property("type", StringComparison.OrdinalIgnoreCase) ?? e.Body),
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
        foreach (var nested in NestedDeployments.Of(entries, evaluator))
        {
            var nestedEvaluator = nested.InnerScope ? new ArmEvaluator(nested.Template, nested.ParameterValues) : evaluator;
            Build(path, nested.Template, nestedEvaluator, locator, models, depth + 1, parent: model, caller: nested);
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

    // main.parameters.json, main.prod.parameters.json -> main.json or main.bicep beside it.
    internal static string? TemplateFor(string parametersFile)
    {
        var name = Path.GetFileName(parametersFile);
        const string Suffix = ParametersSuffix;
        if (!name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            return null;
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
