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
    /// <param name="boundary">The folders linked templates may be read from; null for the entry's repository (or its folder).</param>
    public static LoadResult Load(string path, bool namedExplicitly, ReadBoundary? boundary = null) =>
        Load(path, parameterValues: null, namedExplicitly: namedExplicitly, boundary: boundary);

    /// <summary>
    /// Loads a template, with the values of a parameters file when <paramref name="parameterValues"/> is given
    /// (and where that file writes them, <paramref name="supplied"/>).
    /// </summary>
    public static LoadResult Load(string path, IReadOnlyDictionary<string, TemplateValue>? parameterValues,
        IReadOnlyList<SuppliedParameter>? supplied = null, bool namedExplicitly = false, ReadBoundary? boundary = null)
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
        var linked = new LinkedTemplates(path, boundary);
        var context = new BuildContext(models, new ResourceLoops.Budget(), linked);
        Build(path, root, new ArmEvaluator(root, parameterValues), locator, context, depth: 0, [LinkedTemplates.ChainKey(path)], supplied);
        return LoadResult.Of(models) with
        {
            JsonSource = (path, text),
            Notes = linked.Opaque.Count > 0 ? [ToolDiagnostics.Opaque(path, linked.Opaque)] : [],
            SwitchedOffModules = [.. linked.SwitchedOff],
            LinkedTemplates = [.. linked.Read],
        };
    }

    private sealed record BuildContext(List<TemplateModel> Models, ResourceLoops.Budget Loops, LinkedTemplates Linked);

    // The template, then each nested inline deployment (same file, so the same locator) and each linked template (its own
    // file and locator; `chain` are the files linking down to this one, real paths, so a link back to one is a cycle).
    private static void Build(string path, JObject template, ArmEvaluator evaluator, JsonSourceLocator locator, BuildContext context,
        int depth, IReadOnlyCollection<string> chain,
        IReadOnlyList<SuppliedParameter>? supplied = null, CompiledTemplate? parent = null, ArmResourceEntry? caller = null, bool innerScope = true)
    {
        var (models, loops) = (context.Models, context.Loops);
        var entries = ResourceLoops.Expand(ArmResources.Read(template), template, evaluator, loops);
        var resources = entries
            .Select(e => new ResourceModel(e.Body, e.Type, e.ApiVersion, e.SymbolicName, e.IsExisting,
                locator.Locate((JToken?)e.Written.Property("type", StringComparison.OrdinalIgnoreCase) ?? e.Written),
                evaluator.Evaluate(e.Body["name"]).AsString))
            .ToList();
        var model = new CompiledTemplate(path, SourceLanguage.ArmJson, template, resources, locator, evaluator, supplied)
        {
            Parent = parent,
            CallerDeployment = caller?.Body,
            InnerScope = innerScope,
        };
        models.Add(model);
        if (depth >= NestedDeployments.MaxDepth)
            return;
        // A nested deployment whose condition is known to be false deploys nothing: its template is not analysed.
        foreach (var nested in NestedDeployments.Of(entries, evaluator).Where(n => !n.SwitchedOff))
        {
            var nestedEvaluator = nested.InnerScope ? new ArmEvaluator(nested.Template, nested.ParameterValues) : evaluator;
            Build(path, nested.Template, nestedEvaluator, locator, context, depth + 1, chain, parent: model, caller: nested.Deployment, innerScope: nested.InnerScope);
        }
        // A linked template sees only its own parameters, with the values this deployment passes; its findings are in its file.
        foreach (var entry in entries)
        {
            // A loop item's own link (its copyIndex() bound), located where the loop writes it.
            if (!entry.IsDeployment || LinkedTemplates.LinkOf(entry.Body) is not { } link)
                continue;
            var at = locator.Locate((JToken?)LinkedTemplates.LinkOf(entry.Written)?.Parent ?? entry.Written);
            if (context.Linked.Follow(link, evaluator, path, (at.Line, at.Column), chain, ResourceLoops.SwitchedOff(entry.Body, evaluator)) is not { } file)
                continue;
            var (values, _) = NestedDeployments.Passed(entry, evaluator);
            Build(file.Path, file.Template, new ArmEvaluator(file.Template, values), new JsonSourceLocator(file.Path, file.Text), context, depth + 1,
                [.. chain, LinkedTemplates.ChainKey(file.Path)], parent: model, caller: entry);
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
