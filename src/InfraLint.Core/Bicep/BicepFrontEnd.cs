using InfraLint.Core.Arm;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Compiles a .bicep file with the real compiler and builds the model from the ARM JSON it
/// produces, with a source map back to the Bicep declarations.
/// </summary>
/// <param name="documents">The run's Bicep files, each read and parsed once (entries, modules, error sources).</param>
/// <param name="boundary">On an untrusted run, where compiled files may read from (<see cref="CompileTimeReads"/>).</param>
/// <param name="reachability">Which registries answer, shared by the front ends of one run so each host is probed once.</param>
/// <param name="answers">What the compiler answered earlier in the run (templates, file references), shared by the front ends of
/// one run: what is found there is not asked again.</param>
internal sealed class BicepFrontEnd(BicepCompiler compiler, bool? restoreModules, BicepDocuments documents, ReadBoundary? boundary = null,
    RegistryReachability? reachability = null, CompilerAnswers? answers = null)
{
    private readonly UnrestoredModules unrestored = new(restoreModules, reachability ?? new RegistryReachability(), documents);

    public LoadResult Load(string path, CancellationToken cancellation) =>
        LoadTemplate(path, new Dictionary<string, TemplateValue>(), cancellation);

    /// <summary>
    /// Compiles a .bicep file and builds its models, with parameter values from a parameters file if any
    /// (and where that file writes them, <paramref name="supplied"/>).
    /// </summary>
    public LoadResult LoadTemplate(string path, IReadOnlyDictionary<string, TemplateValue> parameterValues, CancellationToken cancellation,
        IReadOnlyList<SuppliedParameter>? supplied = null)
    {
        var compile = TakeAhead(path) ?? Compile(path, cancellation);
        var (document, problem) = compile.Prepared;
        var (outcome, requestProblem) = problem is null ? Answer(() => compile.Response!.GetAwaiter().GetResult(), path) : (null, null);
        // One request at a time: a second one queued behind this compile would start its timeout early.
        if (compile.Next is { } next && next != path)
            CompileAhead(next, cancellation);
        if (problem is not null)
            return Refused(problem.Value);
        if (requestProblem is not null)
            return Failed(requestProblem.Value);
        var response = outcome!.Response;
        if (!Succeeded(response!) || response!["contents"] is not JValue { Type: JTokenType.String } contents)
            return CompileError(path, response!, outcome.Original) with { Notes = outcome.BrokenModules };
        var built = outcome.Parsed is { } parsed
            ? BuildFrom(path, document!, parsed, parameterValues, supplied, outcome.Opaque)
            : BuildFrom(path, document!, (string)contents!, parameterValues, supplied, outcome.Opaque);
        return built with { Notes = Notes(path, outcome) };
    }

    // The INFRA0007 note on the file, at the first dependency it references itself that was left opaque, and the INFRA0001
    // of each local module with compile errors it was analysed without.
    private static List<Finding> Notes(string path, StandInCompile outcome)
    {
        var notes = new List<Finding>(outcome.BrokenModules);
        if (outcome.Opaque.Count > 0)
            notes.Add(ToolDiagnostics.Opaque(path, outcome.Opaque));
        return notes;
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

    // The parse runs here, on the caller's thread; the restore check, the stand-ins and the compile run in the background.
    private PendingCompile Compile(string path, CancellationToken cancellation)
    {
        var prepared = Prepare(path);
        var response = prepared.Problem is not null ? null
            : answers?.Take(path) is { } template ? Task.FromResult(Reused(template))
            : Task.Run(() => CompileWithStandIns(path, cancellation), cancellation);
        return new PendingCompile(path, prepared, response, upNext);
    }

    /// <summary>
    /// Compiles <paramref name="path"/>, with stand-ins for what it cannot have (<see cref="ScratchCopy"/>). When the
    /// compile fails because a local module has errors, that module is stood in too and the file compiled again, so the
    /// file is still analysed; the module keeps its own INFRA0001.
    /// </summary>
    private StandInCompile CompileWithStandIns(string path, CancellationToken cancellation)
    {
        var broken = new HashSet<string>(StringComparer.Ordinal);
        var brokenFindings = new List<Finding>();
        for (var round = 0; ; round++)
        {
            using var scratch = ScratchCopy.Create(path, unrestored, broken);
            var response = compiler.Request("bicep/compile", new { path = scratch.Entry }, cancellation);
            RecordReferences(path, scratch, cancellation);
            var result = new StandInCompile(response, scratch.Opaque.ToList(), scratch.Original, brokenFindings);
            if (Succeeded(response) && scratch.Entry == path)
                return result with { Parsed = Keep(path, response) };
            if (Succeeded(response) || round >= MaxStandInRounds)
                return result;
            var errors = Errors(response).Select(e => (Error: e, File: scratch.Original((string?)e["source"] ?? path))).ToList();
            var newlyBroken = errors
                .Where(e => (string?)e.Error["code"] != ModuleHasErrors && e.File != path && !broken.Contains(e.File) && File.Exists(e.File))
                .GroupBy(e => e.File, StringComparer.Ordinal)
                .ToList();
            if (newlyBroken.Count == 0)
                return result;
            foreach (var module in newlyBroken)
            {
                broken.Add(module.Key);
                brokenFindings.Add(ErrorFinding(module.First().Error, module.Key));
            }
        }
    }

    // What a file compiled through stand-ins read, in real files: asking the compiler about the real file would start the
    // restore the stand-ins are there to avoid (tens of seconds offline). Only an untrusted run asks (CompileTimeReads).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>?> standInReferences = new(StringComparer.Ordinal);

    private void RecordReferences(string path, ScratchCopy scratch, CancellationToken cancellation)
    {
        if (boundary is null || scratch.Entry == path)
            return;
        var (response, problem) = Request("bicep/getFileReferences", new { path = scratch.Entry }, path, cancellation);
        standInReferences[path] = problem is null && response?["filePaths"] is JArray paths
            ? paths.Select(p => (string?)p).OfType<string>().Select(scratch.Original).Distinct(StringComparer.Ordinal).ToList()
            : null;
    }

    // A compile of the real file (nothing stood in, so no module was broken either): its template and those of the local
    // modules nested in it are kept for the files the run compiles again, before the next compile starts. The parsed
    // template is what the models are built from.
    private JObject? Keep(string path, JToken response)
    {
        if (answers is null || response["contents"] is not JValue { Type: JTokenType.String } contents)
            return null;
        var full = Path.GetFullPath(path);
        JObject compiled;
        try
        {
            compiled = ArmTemplateReader.Parse((string)contents!);
        }
        catch (JsonException)
        {
            return null; // reported by BuildFrom
        }
        if (answers.WantsEntry(full))
            answers.Add(full, (string)contents!);
        if (ModuleDocument(full) is not { } document || !document.References.Any(r => UnrestoredModules.LocalTarget(full, r.Path) is not null))
            return compiled;
        // Reading resources rewrites property loops in place, nested templates included: the modules are found in a copy,
        // and each module's template is kept as the compiler wrote it.
        foreach (var (file, template) in NestedTemplates(full, document, (JObject)compiled.DeepClone(), 0))
        {
            if (file is not null && answers.WantsModule(file) && compiled.SelectToken(template.Path) is JObject written)
                answers.Add(file, written.ToString(Formatting.None));
        }
        return compiled;
    }

    // A template an earlier compile showed: as the compiler answers a compile of the real file.
    private static StandInCompile Reused(string template) =>
        new(new JObject { ["success"] = true, ["contents"] = template }, [], path => path, []);

    private const int MaxStandInRounds = 3;
    private const string ModuleHasErrors = "BCP104";

    /// <summary>A compile's answer, with the dependencies stood in for it and the real file behind each path it reports.</summary>
    private sealed record StandInCompile(JToken Response, IReadOnlyList<OpaqueDependency> Opaque, Func<string, string> Original,
        IReadOnlyList<Finding> BrokenModules)
    {
        /// <summary>The compiled template, when it was parsed already.</summary>
        public JObject? Parsed { get; init; }
    }

    private PendingCompile? TakeAhead(string path)
    {
        if (ahead is not { } pending || pending.Path != path)
            return null;
        ahead = null;
        return pending with { Next = upNext };
    }

    private sealed record PendingCompile(string Path, (BicepDocument? Document, (SourceLocation Location, string Reason)? Problem) Prepared,
        Task<StandInCompile>? Response, string? Next);

    /// <summary>
    /// A .bicepparam file: the template it is <c>using</c>, analysed with the values it sets, so rules
    /// see evaluated names, tags and settings. Findings point at the template's lines.
    /// </summary>
    /// <param name="overrides">Values set beside the file (a pipeline's inline parameters): the known ones are passed to the compiler.</param>
    public LoadResult LoadParameters(string path, CancellationToken cancellation, IReadOnlyDictionary<string, TemplateValue>? overrides = null)
    {
        var (parameters, problem) = Prepare(path);
        if (problem is not null)
            return Refused(problem.Value);
        // Whatever becomes of the template, the literals the file writes are still checked for credentials (INFRA1003).
        var supplied = SuppliedLiterals(path, parameters!);
        if (parameters!.Using is not { } target || RegistryModuleCache.IsRegistryReference(target.Path))
            return WithSupplied(LoadResult.Skipped, path, supplied); // `using none`, or a registry template with no source here to report in
        var templatePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target.Path));
        if (!File.Exists(templatePath))
            return WithSupplied(Failed(new SourceLocation(path, target.Line, target.Column), "the template it is using does not exist"), path, supplied);
        if (!templatePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
            return WithSupplied(LoadResult.Skipped, path, supplied); // ARM JSON targets are analysed through their own parameters files
        var (template, templateProblem) = Prepare(templatePath);
        if (templateProblem is not null)
            return WithSupplied(Refused(templateProblem.Value), path, supplied);

        using var scratch = ScratchCopy.Create(path, unrestored, new HashSet<string>());
        var (response, requestProblem) = Request("bicep/compileParams", new { path = scratch.Entry, parameterOverrides = Overrides(overrides) }, path, cancellation);
        if (requestProblem is null)
            RecordReferences(path, scratch, cancellation);
        if (requestProblem is not null)
            return WithSupplied(Failed(requestProblem.Value), path, supplied);
        if (!Succeeded(response!) || response!["template"] is not JValue { Type: JTokenType.String } compiled ||
            response["parameters"] is not JValue { Type: JTokenType.String } values)
            return WithSupplied(CompileError(path, response!, scratch.Original), path, supplied);
        var outcome = new StandInCompile(response, scratch.Opaque.ToList(), scratch.Original, []);
        return BuildFrom(templatePath, template!, (string)compiled!, ParameterValues.FromParametersFile((string)values!),
            supplied, outcome.Opaque) with { Notes = Notes(path, outcome) };
    }

    // A parameters file without an analysable template still has its own literals checked.
    private static LoadResult WithSupplied(LoadResult result, string path, List<SuppliedParameter> supplied) =>
        supplied.Count == 0 ? result : result with { Models = [ParametersFileStrings.Model(path, SourceLanguage.Bicep, supplied)] };

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
    public IReadOnlyList<string>? FileReferences(string path, CancellationToken cancellation) => FileReferences(path, cancellation, out _);

    /// <param name="compilerFailure">When the compiler failed or ran out of time on the request: what happened.</param>
    public IReadOnlyList<string>? FileReferences(string path, CancellationToken cancellation, out string? compilerFailure)
    {
        compilerFailure = null;
        if (standInReferences.TryGetValue(Path.GetFullPath(path), out var recorded))
            return recorded;
        if (answers?.References(path) is { } known)
            return known;
        try
        {
            var (response, problem) = Request("bicep/getFileReferences", new { path }, path, cancellation);
            if (problem is not null || response?["filePaths"] is not JArray paths)
                return null;
            var files = paths.Select(p => (string?)p).OfType<string>().ToList();
            answers?.KeepReferences(path, files);
            return files;
        }
        catch (BicepCompilerException e)
        {
            compilerFailure = e.Message;
            return null;
        }
    }

    /// <summary>What <paramref name="path"/> compiles to now (for comparing a generated template with its source); null when it does not compile.</summary>
    public JObject? CompiledTemplate(string path, CancellationToken cancellation)
    {
        var (response, problem) = answers?.Take(path) is { } template
            ? (Reused(template).Response, null)
            : Request("bicep/compile", new { path }, path, cancellation);
        if (problem is not null || !Succeeded(response!) || response!["contents"] is not JValue { Type: JTokenType.String } contents)
            return null;
        try
        {
            return ArmTemplateReader.Parse((string)contents!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The inline templates of <paramref name="compiled"/> (the compile output of <paramref name="path"/>, or a twin equal to
    /// it) that the Bicep analysis of <paramref name="path"/> does not model: registry and ARM JSON modules, at any depth
    /// of local modules.
    /// </summary>
    public IReadOnlySet<JObject> OpaqueModuleTemplates(string path, JObject compiled)
    {
        var opaque = new HashSet<JObject>(ReferenceEqualityComparer.Instance);
        if (ModuleDocument(path) is { } document)
            opaque.UnionWith(NestedTemplates(path, document, compiled, 0).Where(n => n.File is null).Select(n => n.Template));
        return opaque;
    }

    /// <summary>
    /// Every module template nested in <paramref name="compiled"/> (the compile output of <paramref name="path"/>), at any depth
    /// of local modules, with the local Bicep file it was compiled from; null for what Build does not follow (registry and
    /// ARM JSON modules, local modules past the depth it follows).
    /// </summary>
    private IEnumerable<(string? File, JObject Template)> NestedTemplates(string path, BicepDocument document, JObject compiled, int depth)
    {
        var entries = ArmResources.Read(compiled);
        var declarations = MapDeclarations(entries, document);
        foreach (var entry in entries)
        {
            if (!entry.Type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase) ||
                entry.Body["properties"]?["template"] is not JObject template)
                continue;
            var modulePath = declarations.GetValueOrDefault(entry.Body)?.ModulePath;
            // The same test as Build's: what Build does not follow is opaque to the Bicep analysis.
            if (modulePath is null || RegistryModuleCache.IsRegistryReference(modulePath) || !modulePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
            {
                yield return (null, template);
                continue;
            }
            var moduleFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, modulePath));
            if (depth + 1 < NestedDeployments.MaxDepth && ModuleDocument(moduleFile) is { } moduleDocument)
            {
                yield return (moduleFile, template);
                foreach (var nested in NestedTemplates(moduleFile, moduleDocument, template, depth + 1))
                    yield return nested;
            }
            else
            {
                yield return (null, template);
            }
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

    // Reads and parses a Bicep file (an empty file is an empty template, as for the compiler) and, on an untrusted run,
    // checks before any compile that it reads nothing outside the tree.
    private (BicepDocument? Document, (SourceLocation Location, string Reason)? Problem) Prepare(string path)
    {
        var source = documents.Get(path);
        if (boundary is not null && CompileTimeReads.BeforeCompile(source, boundary) is { } read)
            return (null, (SourceLocation.StartOf(path), read));
        return (source.Syntax, null);
    }

    private (JToken? Response, (SourceLocation Location, string Reason)? Problem) Request(string method, object parameters, string path, CancellationToken cancellation) =>
        Answer(() => compiler.Request(method, parameters, cancellation), path);

    private static (T? Response, (SourceLocation Location, string Reason)? Problem) Answer<T>(Func<T> request, string path) where T : class
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
        IReadOnlyList<SuppliedParameter>? supplied, IReadOnlyList<OpaqueDependency>? opaque = null)
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
        return BuildFrom(path, document, compiled, parameterValues, supplied, opaque);
    }

    private LoadResult BuildFrom(string path, BicepDocument document, JObject compiled, IReadOnlyDictionary<string, TemplateValue> parameterValues,
        IReadOnlyList<SuppliedParameter>? supplied, IReadOnlyList<OpaqueDependency>? opaque)
    {
        var models = new List<TemplateModel>();
        var standIns = (opaque ?? []).Select(o => (o.File, o.Line, o.Column)).ToHashSet();
        var switchedOff = new SortedSet<string>(StringComparer.Ordinal);
        Build(path, document, compiled, parameterValues, models, new ResourceLoops.Budget(), depth: 0, standIns, supplied, switchedOff: switchedOff);
        return LoadResult.Of(models) with { SwitchedOffModules = [.. switchedOff] };
    }

    /// <summary>
    /// The model of one compiled template, then one per local module it deploys: a module's
    /// resources are reported in the module's own file, with the values its caller passes.
    /// </summary>
    private CompiledTemplate Build(string path, BicepDocument document, JObject compiled, IReadOnlyDictionary<string, TemplateValue> parameterValues,
        List<TemplateModel> models, ResourceLoops.Budget loops, int depth, IReadOnlySet<(string File, int Line, int Column)> standIns, IReadOnlyList<SuppliedParameter>? supplied = null,
        CompiledTemplate? parent = null, JObject? caller = null, IReadOnlyDictionary<string, JToken>? writtenByCaller = null, ISet<string>? switchedOff = null)
    {
        var written = ArmResources.Read(compiled);
        var declarations = MapDeclarations(written, document);
        var evaluator = new ArmEvaluator(compiled, parameterValues, writtenByCaller);
        var entries = ResourceLoops.Expand(written, compiled, evaluator, loops);
        var resources = entries.Select(e =>
        {
            var declaration = declarations.GetValueOrDefault(e.Written);
            var location = declaration is null ? SourceLocation.StartOf(path) : new SourceLocation(path, declaration.Line, declaration.Column);
            return new ResourceModel(e.Body, e.Type, e.ApiVersion, declaration?.SymbolicName ?? e.SymbolicName, e.IsExisting, location,
                evaluator.Evaluate(e.Body["name"]).AsString);
        }).ToList();
        var locator = new BicepSourceLocator(path, document, compiled, declarations);
        var model = new CompiledTemplate(path, SourceLanguage.Bicep, compiled, resources, locator, evaluator, supplied) { Parent = parent, CallerDeployment = caller };
        models.Add(model);
        if (depth >= NestedDeployments.MaxDepth)
            return model;
        foreach (var nested in NestedDeployments.Of(entries, model.Evaluator))
        {
            // ARM JSON modules have no Bicep source here to report in; a stand-in has nothing to report.
            if (declarations.GetValueOrDefault(nested.Deployment.Written) is not { ModulePath: { } modulePath } declaration ||
                standIns.Contains((path, declaration.Line, declaration.Column)))
                continue;
            if (RegistryModuleCache.IsRegistryReference(modulePath))
            {
                // Reported in the caller: a registry module the caller switches off has nothing to report.
                if (!nested.SwitchedOff)
                    BuildRegistryModule(path, declaration, nested, models, loops, depth + 1, model);
                continue;
            }
            if (!modulePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
                continue;
            var moduleFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, modulePath));
            if (ModuleDocument(moduleFile) is { } moduleDocument)
            {
                // A module deployed under a condition known to be false (`if (false)`, a caller's value) deploys nothing: its
                // models (and those of the modules it deploys) are not analysed, but the files stay deployed through this one.
                List<TemplateModel> into = nested.SwitchedOff ? [] : models;
                var module = Build(moduleFile, moduleDocument, nested.Template, nested.ParameterValues, into, loops, depth + 1, standIns, parent: model,
                    caller: nested.Deployment.Body, writtenByCaller: nested.WrittenByCaller, switchedOff: switchedOff);
                model.Evaluator.AddModule(nested.Deployment, module.Evaluator);
                if (nested.SwitchedOff)
                    switchedOff?.UnionWith(into.OfType<CompiledTemplate>().Where(m => m.RegistryModule is null).Select(m => Path.GetFullPath(m.FilePath)));
            }
        }
        return model;
    }

    /// <summary>
    /// A restored registry module: what it deploys is analysed with the values its caller passes, and reported in the
    /// caller (<see cref="RegistryModuleLocator"/>), as are the modules it deploys in turn.
    /// </summary>
    private static void BuildRegistryModule(string callerPath, BicepResourceDeclaration module, NestedDeployment deployment, List<TemplateModel> models,
        ResourceLoops.Budget loops, int depth, CompiledTemplate parent)
    {
        var evaluator = new ArmEvaluator(deployment.Template, deployment.ParameterValues);
        var entries = ResourceLoops.Expand(ArmResources.Read(deployment.Template), deployment.Template, evaluator, loops);
        var location = new SourceLocation(callerPath, module.Line, module.Column);
        var resources = entries.Select(e => new ResourceModel(e.Body, e.Type, e.ApiVersion, e.SymbolicName, e.IsExisting, location,
            evaluator.Evaluate(e.Body["name"]).AsString)).ToList();
        var model = new CompiledTemplate(callerPath, SourceLanguage.Bicep, deployment.Template, resources, new RegistryModuleLocator(callerPath, module), evaluator)
        {
            Parent = parent,
            CallerDeployment = deployment.Deployment.Body,
            RegistryModule = module.ModulePath,
        };
        models.Add(model);
        if (depth >= NestedDeployments.MaxDepth)
            return;
        foreach (var nested in NestedDeployments.Of(entries, evaluator).Where(n => !n.SwitchedOff))
            BuildRegistryModule(callerPath, module, nested, models, loops, depth + 1, model);
    }

    private BicepDocument? ModuleDocument(string path) => File.Exists(path) ? documents.Get(path).Syntax : null;

    /// <summary>
    /// Pairs compiled resources with their declarations. languageVersion 2.0 output is keyed by
    /// symbolic name; classic output keeps declaration order within each type (loops stay one
    /// entry with <c>copy</c>, <c>existing</c> resources are left out), so the n-th compiled
    /// resource of a type is the n-th deployed declaration of that type.
    /// </summary>
    internal static Dictionary<JObject, BicepResourceDeclaration> MapDeclarations(IReadOnlyList<ArmResourceEntry> entries, BicepDocument document)
    {
        var map = new Dictionary<JObject, BicepResourceDeclaration>(ReferenceEqualityComparer.Instance);
        // languageVersion 2.0 keys a nested resource by its path (parent::child): two parents may each hold a child of the same name.
        var byPath = document.Resources.GroupBy(NestedPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var bySymbol = document.Resources.GroupBy(d => d.SymbolicName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byType = document.Resources
            .Where(d => !d.IsExisting)
            .GroupBy(d => d.Type, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new Queue<BicepResourceDeclaration>(g), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.SymbolicName is { } symbol)
            {
                if (byPath.TryGetValue(symbol, out var nested) || bySymbol.TryGetValue(symbol.Split("::")[^1], out nested))
                    map[entry.Body] = nested;
                continue;
            }
            if (byType.TryGetValue(entry.Type, out var queue) && queue.Count > 0)
                map[entry.Body] = queue.Dequeue();
        }
        return map;
    }

    private static string NestedPath(BicepResourceDeclaration declaration)
    {
        var path = declaration.SymbolicName;
        for (var (parent, depth) = (declaration.Parent, 0); parent is not null && depth < 64; (parent, depth) = (parent.Parent, depth + 1))
            path = parent.SymbolicName + "::" + path;
        return path;
    }

    private static IEnumerable<JObject> Errors(JToken response) =>
        (response["diagnostics"] as JArray)?.OfType<JObject>().Where(d => string.Equals((string?)d["level"], "Error", StringComparison.OrdinalIgnoreCase)) ?? [];

    // The first error, preferring one that says what is wrong over BCP104 ("the referenced module has errors"), which
    // only says where to look.
    private LoadResult CompileError(string path, JToken response, Func<string, string>? original = null)
    {
        var errors = Errors(response).ToList();
        var error = errors.FirstOrDefault(e => (string?)e["code"] != ModuleHasErrors) ?? errors.FirstOrDefault();
        if (error is null)
            return Failed(SourceLocation.StartOf(path), "the compiler reported failure without an error");
        var source = (string?)error["source"] is { Length: > 0 } s ? original?.Invoke(s) ?? s : path;
        return LoadResult.Failed(ErrorFinding(error, File.Exists(source) ? source : path));
    }

    // An error inside a module is reported where it is, once, whichever entry file reached it. Paths the file writes
    // (module and import paths) are not secrets and are kept in the message.
    private Finding ErrorFinding(JObject error, string source)
    {
        var line = ((int?)error["range"]?["start"]?["line"] ?? 0) + 1;
        var column = ((int?)error["range"]?["start"]?["char"] ?? 0) + 1;
        var file = documents.Find(source);
        var paths = file is null ? [] : file.Syntax.References.Select(r => r.Path).ToList();
        var message = QuotedValues.Redact((string?)error["message"] ?? string.Empty, file?.Text, paths);
        return ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, new SourceLocation(source, line, column), $"{(string?)error["code"]}: {message}");
    }

    // Compiler error texts can quote the file (and so a secret in it): keep the first line, shortened.
    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static LoadResult Failed((SourceLocation Location, string Reason) problem) => Failed(problem.Location, problem.Reason);

    // Judged before any compile (empty, an unrestored module, a read outside the tree): the compiler never saw the file.
    private static LoadResult Refused((SourceLocation Location, string Reason) problem) => Failed(problem) with { NotCompiled = true };

    private static LoadResult Failed(SourceLocation location, string reason) =>
        LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, location, reason));
}
