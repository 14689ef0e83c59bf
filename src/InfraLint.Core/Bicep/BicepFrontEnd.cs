using InfraLint.Core.Arm;
using InfraLint.Core.Engine;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Compiles a .bicep file with the real compiler and builds the model from the ARM JSON it
/// produces, with a source map back to the Bicep declarations.
/// </summary>
internal sealed class BicepFrontEnd(BicepCompiler compiler, AnalysisOptions options)
{
    private readonly UnrestoredModules unrestored = new();

    public LoadResult Load(InputFile file, CancellationToken cancellation) =>
        LoadTemplate(file.Path, new Dictionary<string, TemplateValue>(), cancellation);

    /// <summary>
    /// Compiles a .bicep file and builds its models, with parameter values from a parameters file if any
    /// (and where that file writes them, <paramref name="supplied"/>).
    /// </summary>
    public LoadResult LoadTemplate(string path, IReadOnlyDictionary<string, TemplateValue> parameterValues, CancellationToken cancellation,
        IReadOnlyList<SuppliedParameter>? supplied = null)
    {
        var compile = TakeAhead(path) ?? Compile(path, cancellation);
        var (document, problem) = compile.Prepared;
        var (response, requestProblem) = problem is null ? Answer(() => compile.Response!.GetAwaiter().GetResult(), path) : (null, null);
        // One request at a time: a second one queued behind this compile would start its timeout early.
        if (compile.Next is { } next && next != path)
            CompileAhead(next, cancellation);
        if (problem is not null)
            return Failed(problem.Value);
        if (requestProblem is not null)
            return Failed(requestProblem.Value);
        if (!Succeeded(response!) || response!["contents"] is not JValue { Type: JTokenType.String } contents)
            return CompileError(path, response!);
        return BuildFrom(path, document!, (string)contents!, parameterValues, supplied);
    }

    /// <summary>
    /// Names the .bicep file the run loads after the current one. Its compile starts as soon as the
    /// current file's compile has returned, so the compiler works on it while InfraLint builds the
    /// current file's models and runs the rules: the analysis hides behind the next compile.
    /// </summary>
    public void CompileNext(string? path) => upNext = path;

    /// <summary>Starts compiling <paramref name="path"/> now (the run's first file, while rules and configuration load).</summary>
    public void CompileAhead(string path, CancellationToken cancellation)
    {
        if (ahead?.Path == path)
            return;
        try
        {
            ahead = Compile(path, cancellation) with { Next = null };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ahead = null; // reported when the file's turn comes
        }
        upNext = null;
    }

    private string? upNext;
    private PendingCompile? ahead;

    // The parse and the restore check run here, on the caller's thread; only the compile request runs in the background.
    private PendingCompile Compile(string path, CancellationToken cancellation)
    {
        var prepared = Prepare(path);
        var response = prepared.Problem is null
            ? Task.Run(() => compiler.Request("bicep/compile", new { path }, cancellation), cancellation)
            : null;
        return new PendingCompile(path, prepared, response, upNext);
    }

    private PendingCompile? TakeAhead(string path)
    {
        if (ahead is not { } pending || pending.Path != path)
            return null;
        ahead = null;
        return pending with { Next = upNext };
    }

    private sealed record PendingCompile(string Path, (BicepDocument? Document, (SourceLocation Location, string Reason)? Problem) Prepared,
        Task<JToken>? Response, string? Next);

    /// <summary>
    /// A .bicepparam file: the template it is <c>using</c>, analysed with the values it sets, so rules
    /// see evaluated names, tags and settings. Findings point at the template's lines.
    /// </summary>
    /// <param name="overrides">Values set beside the file (a pipeline's inline parameters): the known ones are passed to the compiler.</param>
    public LoadResult LoadParameters(InputFile file, CancellationToken cancellation, IReadOnlyDictionary<string, TemplateValue>? overrides = null)
    {
        var (parameters, problem) = Prepare(file.Path);
        if (problem is not null)
            return Failed(problem.Value);
        if (parameters!.Using is not { } target || RegistryModuleCache.IsRegistryReference(target.Path))
            return LoadResult.Skipped; // `using none`, or a registry template with no source here to report in
        var templatePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.Path)!, target.Path));
        if (!templatePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || !File.Exists(templatePath))
            return LoadResult.Skipped; // ARM JSON targets are analysed through their own parameters files; a missing one is the compiler's error
        var (template, templateProblem) = Prepare(templatePath);
        if (templateProblem is not null)
            return Failed(templateProblem.Value);

        var (response, requestProblem) = Request("bicep/compileParams", new { path = file.Path, parameterOverrides = Overrides(overrides) }, file.Path, cancellation);
        if (requestProblem is not null)
            return Failed(requestProblem.Value);
        if (!Succeeded(response!) || response!["template"] is not JValue { Type: JTokenType.String } compiled ||
            response["parameters"] is not JValue { Type: JTokenType.String } values)
            return CompileError(file.Path, response!);
        return BuildFrom(templatePath, template!, (string)compiled!, ParameterValues.FromParametersFile((string)values!),
            SuppliedLiterals(file.Path, parameters));
    }

    private static JObject Overrides(IReadOnlyDictionary<string, TemplateValue>? overrides)
    {
        var known = new JObject();
        foreach (var (name, value) in overrides ?? new Dictionary<string, TemplateValue>())
        {
            if (value.Value is { } token)
                known[name] = token.DeepClone();
        }
        return known;
    }

    /// <summary>
    /// Every file the compiler read for <paramref name="path"/>: the file, its modules and imports at any depth,
    /// files read by <c>load*Content()</c>, bicepconfig.json; null when the compiler cannot tell.
    /// </summary>
    public IReadOnlyList<string>? FileReferences(string path, CancellationToken cancellation)
    {
        try
        {
            var (response, problem) = Request("bicep/getFileReferences", new { path }, path, cancellation);
            return problem is null && response?["filePaths"] is JArray paths ? paths.Select(p => (string?)p).OfType<string>().ToList() : null;
        }
        catch (BicepCompilerException)
        {
            return null;
        }
    }

    // What a .bicepparam file writes as literals, at each param line. The compiler's evaluated values are not
    // used here: readEnvironmentVariable() and the like put values into them that are not in the file.
    private static List<SuppliedParameter> SuppliedLiterals(string path, BicepDocument parameters) =>
        parameters.Parameters.Values
            .Select(p => (Parameter: p, Value: Literal(p.Value, 0)))
            .Where(p => p.Value is not null)
            .Select(p => new SuppliedParameter(p.Parameter.Name, p.Value!, new SourceLocation(path, p.Parameter.Line, p.Parameter.Column)))
            .ToList();

    private static JToken? Literal(BicepNode node, int depth)
    {
        if (depth > 64)
            return null;
        switch (node)
        {
            case BicepString { Value: { } text }:
                return new JValue(text);
            case BicepObject obj:
            {
                var result = new JObject();
                foreach (var property in obj.Properties)
                {
                    if (property.Key is { } key && Literal(property.Value, depth + 1) is { } value)
                        result[key] = value;
                }
                return result.Count > 0 ? result : null;
            }
            case BicepArray array:
            {
                var items = array.Items.Select(i => Literal(i, depth + 1)).OfType<JToken>().ToList();
                return items.Count > 0 ? new JArray(items) : null;
            }
            default:
                return null;
        }
    }

    // Reads and parses a Bicep file and checks, before any compile, that its registry modules are restored.
    private (BicepDocument? Document, (SourceLocation Location, string Reason)? Problem) Prepare(string path)
    {
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
            return (null, (SourceLocation.StartOf(path), "the file is empty"));
        var document = BicepParser.Parse(text);
        if (!options.RestoreModules && unrestored.Find(path, document) is var (reference, via))
        {
            return (null, (new SourceLocation(path, via.Line, via.Column),
                $"module {reference} is not restored; run 'bicep restore' or allow network (InfraLintRestoreModules=true, --restore)"));
        }
        return (document, null);
    }

    private (JToken? Response, (SourceLocation Location, string Reason)? Problem) Request(string method, object parameters, string path, CancellationToken cancellation) =>
        Answer(() => compiler.Request(method, parameters, cancellation), path);

    private static (JToken? Response, (SourceLocation Location, string Reason)? Problem) Answer(Func<JToken> request, string path)
    {
        try
        {
            return (request(), null);
        }
        catch (JsonRpcErrorException e)
        {
            return (null, (SourceLocation.StartOf(path), "the compiler could not read it: " + QuotedValues.Redact(FirstLine(e.Message), null)));
        }
    }

    private static bool Succeeded(JToken response) => response["success"] is JValue { Type: JTokenType.Boolean } success && (bool)success!;

    private LoadResult BuildFrom(string path, BicepDocument document, string compiledText, IReadOnlyDictionary<string, TemplateValue> parameterValues,
        IReadOnlyList<SuppliedParameter>? supplied)
    {
        JObject compiled;
        try
        {
            compiled = ArmTemplateReader.Parse(compiledText);
        }
        catch (JsonException e)
        {
            return Failed(SourceLocation.StartOf(path), "the compiler's output is not valid JSON: " + e.Message);
        }
        var models = new List<TemplateModel>();
        Build(path, document, compiled, parameterValues, models, depth: 0, supplied);
        return LoadResult.Of(models);
    }

    /// <summary>
    /// The model of one compiled template, then one per local module it deploys: a module's
    /// resources are reported in the module's own file, with the values its caller passes.
    /// </summary>
    private void Build(string path, BicepDocument document, JObject compiled, IReadOnlyDictionary<string, TemplateValue> parameterValues,
        List<TemplateModel> models, int depth, IReadOnlyList<SuppliedParameter>? supplied = null, CompiledTemplate? parent = null, JObject? caller = null)
    {
        var entries = ArmResources.Read(compiled);
        var declarations = MapDeclarations(entries, document);
        var evaluator = new ArmEvaluator(compiled, parameterValues);
        var resources = entries.Select(e =>
        {
            var declaration = declarations.GetValueOrDefault(e.Body);
            var location = declaration is null ? SourceLocation.StartOf(path) : new SourceLocation(path, declaration.Line, declaration.Column);
            return new ResourceModel(e.Body, e.Type, e.ApiVersion, declaration?.SymbolicName ?? e.SymbolicName, e.IsExisting, location,
                evaluator.Evaluate(e.Body["name"]).AsString);
        }).ToList();
        var locator = new BicepSourceLocator(path, document, compiled, declarations);
        var model = new CompiledTemplate(path, SourceLanguage.Bicep, compiled, resources, locator, evaluator, supplied) { Parent = parent, CallerDeployment = caller };
        models.Add(model);
        if (depth >= NestedDeployments.MaxDepth)
            return;
        foreach (var nested in NestedDeployments.Of(entries, model.Evaluator))
        {
            // Registry modules and ARM JSON modules have no Bicep source here to report in.
            if (declarations.GetValueOrDefault(nested.Deployment.Body)?.ModulePath is not { } modulePath ||
                RegistryModuleCache.IsRegistryReference(modulePath) || !modulePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
                continue;
            var moduleFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, modulePath));
            if (ModuleDocument(moduleFile) is { } moduleDocument)
                Build(moduleFile, moduleDocument, nested.Template, nested.ParameterValues, models, depth + 1, parent: model, caller: nested.Deployment.Body);
        }
    }

    private readonly Dictionary<string, BicepDocument?> modules = new(StringComparer.Ordinal);

    private BicepDocument? ModuleDocument(string path)
    {
        if (!modules.TryGetValue(path, out var document))
            modules[path] = document = File.Exists(path) ? BicepParser.Parse(File.ReadAllText(path)) : null;
        return document;
    }

    /// <summary>
    /// Pairs compiled resources with their declarations. languageVersion 2.0 output is keyed by
    /// symbolic name; classic output keeps declaration order within each type (loops stay one
    /// entry with <c>copy</c>, <c>existing</c> resources are left out), so the n-th compiled
    /// resource of a type is the n-th deployed declaration of that type.
    /// </summary>
    internal static Dictionary<JObject, BicepResourceDeclaration> MapDeclarations(IReadOnlyList<ArmResourceEntry> entries, BicepDocument document)
    {
        var map = new Dictionary<JObject, BicepResourceDeclaration>(ReferenceEqualityComparer.Instance);
        var bySymbol = document.Resources.GroupBy(d => d.SymbolicName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byType = document.Resources
            .Where(d => !d.IsExisting)
            .GroupBy(d => d.Type, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new Queue<BicepResourceDeclaration>(g), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.SymbolicName is { } symbol)
            {
                var last = symbol.Split("::")[^1];
                if (bySymbol.TryGetValue(last, out var named))
                    map[entry.Body] = named;
                continue;
            }
            if (byType.TryGetValue(entry.Type, out var queue) && queue.Count > 0)
                map[entry.Body] = queue.Dequeue();
        }
        return map;
    }

    private static LoadResult CompileError(string path, JToken response)
    {
        var error = (response["diagnostics"] as JArray)?
            .OfType<JObject>()
            .FirstOrDefault(d => string.Equals((string?)d["level"], "Error", StringComparison.OrdinalIgnoreCase));
        if (error is null)
            return Failed(SourceLocation.StartOf(path), "the compiler reported failure without an error");
        var source = (string?)error["source"] is { Length: > 0 } s && File.Exists(s) ? s : path;
        var line = ((int?)error["range"]?["start"]?["line"] ?? 0) + 1;
        var column = ((int?)error["range"]?["start"]?["char"] ?? 0) + 1;
        // An error inside a module is reported where it is, once, whichever entry file reached it.
        return Failed(new SourceLocation(source, line, column), $"{(string?)error["code"]}: {QuotedValues.Redact((string?)error["message"] ?? string.Empty, TextOf(source))}");
    }

    private static string? TextOf(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Compiler error texts can quote the file (and so a secret in it): keep the first line, shortened.
    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static LoadResult Failed((SourceLocation Location, string Reason) problem) => Failed(problem.Location, problem.Reason);

    private static LoadResult Failed(SourceLocation location, string reason) =>
        LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, location, reason));
}
