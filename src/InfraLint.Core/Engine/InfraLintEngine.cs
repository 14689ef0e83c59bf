using System.Diagnostics;
using InfraLint.Core.Arm;
using InfraLint.Core.Bicep;
using InfraLint.Core.Config;
using InfraLint.Core.Deployments;
using InfraLint.Core.Inputs;
using InfraLint.Core.Packs;
using InfraLint.Core.Trust;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Engine;

/// <summary>
/// Runs every rule over every file: one compiler process for the whole run, one diagnostic per
/// file that cannot be analysed, and every other file still analysed.
/// </summary>
public sealed class InfraLintEngine : IDisposable
{
    private readonly AnalysisOptions options;
    private readonly BicepDocuments documents = new();
    private readonly List<CompilerLane> lanes = [];
    private readonly RegistryReachability reachability = new();
    private readonly CompilerAnswers answers = new();
    private string? compilerPath;
    private string? compilerUnavailable;
    private bool compilerLocated;
    private ConfigLoader? configuration;
    private RulePackSet? packs;
    private List<Rule>? runRules;

    public InfraLintEngine(AnalysisOptions options)
    {
        this.options = options;
        ruleRunner = new RuleRunner(options.RuleTimeout);
    }

    // Rules that ran out of time once are not run again: a rule that never returns costs one timeout per run.
    private readonly RuleRunner ruleRunner;

    /// <summary>The Bicep files this engine read, each once: what the front end, suppressions and token extents share.</summary>
    internal BicepDocuments Documents => documents;

    /// <summary>How many compiler processes this engine started.</summary>
    public int CompilerStarts => lanes.Sum(l => l.Starts);

    /// <summary>Process ids of the compilers this engine started.</summary>
    public IReadOnlyList<int> CompilerProcessIds => lanes.SelectMany(l => l.ProcessIds).ToList();

    /// <summary>The requests this engine's compilers were sent, by method, over every lane.</summary>
    internal IReadOnlyDictionary<string, int> CompilerRequests =>
        lanes.SelectMany(l => l.Requests).GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal);

    /// <summary>How many compiles took a template an earlier compile of the run showed instead of asking a compiler.</summary>
    internal int CompilesReused => answers.Reused;

    /// <summary>
    /// Analyses <paramref name="files"/> (a template a repository deploys once per declared deployment), in path order.
    /// The compiler compiles the next Bicep file while the rules run on the current one. With
    /// <see cref="AnalysisOptions.CacheFile"/>, files whose dependencies did not change reuse the previous run's results,
    /// and when nothing changed the compiler is not started at all.
    /// </summary>
    public AnalysisResult Analyze(IEnumerable<InputFile> files, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var ordered = DeploymentPlan.Expand(files.DistinctBy(f => f.Path, StringComparer.Ordinal), options.DeclaredDeployments);
        inputs = ordered.Select(f => Path.GetFullPath(f.Path)).ToHashSet(StringComparer.Ordinal);
        cache = options.CacheFile is { } cacheFile ? new ResultCache(options, cacheFile) : null;
        // Rule packs are read whether or not a file is analysed, so a run's packs, pack problems and catalogue are the
        // same when results come from the cache.
        var catalogue = Catalogue(ordered);
        if (cache?.Unchanged(ordered, catalogue) is var (previousFindings, previousAnalyzed))
        {
            return new AnalysisResult(previousFindings, previousAnalyzed, 0, stopwatch.Elapsed)
                { FilesReused = ordered.Count, Rules = catalogue, CacheNote = cache.Note };
        }

        var reused = ordered.Select(f => cache?.Reuse(f, catalogue)).ToList();
        _ = Boundary; // created once, before any lane reads it
        StartAnswers(ordered);
        var toAnalyse = Enumerable.Range(0, ordered.Count).Where(i => reused[i] is null).ToList();
        var parallelism = Engine.Parallelism.Lanes(options, toAnalyse.Select(i => ordered[i]).ToList());
        if (parallelism > 1)
            return AnalyzeInLanes(ordered, reused, toAnalyse, parallelism, catalogue, stopwatch, cancellation);
        var lane = Lane(0);
        var nextBicep = new string?[ordered.Count + 1];
        for (var i = ordered.Count - 1; i >= 0; i--)
            nextBicep[i] = reused[i] is null && IsBicepTemplate(ordered[i].Path) ? ordered[i].Path : nextBicep[i + 1];
        // The compiler starts and compiles the first file while the rest of the run gets ready.
        if (nextBicep[0] is { } first && lane.Compiler() is not null)
            lane.Bicep().CompileAhead(first, cancellation);
        var entries = new List<EntryAnalysis>(ordered.Count);
        var reanalyzed = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (reused[i] is { } cached)
            {
                entries.Add(cached);
                continue;
            }
            if (lane.HasCompiler)
                lane.Bicep().CompileNext(nextBicep[i + 1]);
            var analysed = AnalyzeEntry(ordered[i], lane, cancellation);
            cache?.Store(analysed);
            entries.Add(analysed);
            reanalyzed.Add(ordered[i].Path);
        }
        var result = Finish(entries, catalogue, stopwatch) with { Reanalyzed = reanalyzed, FilesReused = entries.Count - reanalyzed.Count };
        cache?.Save(ordered, result, packs!.ReferencedPaths);
        return result with { CacheNote = cache?.Note };
    }

    /// <summary>
    /// The run on <paramref name="parallelism"/> lanes, each with its own compiler: the entries to analyse are taken
    /// largest first (an entry with many modules starts early instead of holding up the end of the run), each lane taking
    /// the next one when it is done, ARM JSON on the same lanes as Bicep. Results go back to their place in path order,
    /// so everything after (suppressions, severities, ordering, the cache) sees exactly what a sequential run sees.
    /// </summary>
    private AnalysisResult AnalyzeInLanes(List<InputFile> ordered, List<EntryAnalysis?> reused, List<int> toAnalyse, int parallelism,
        RuleCatalogue catalogue, Stopwatch stopwatch, CancellationToken cancellation)
    {
        var schedule = EntryCost.LargestFirst(ordered, toAnalyse, documents, Boundary);
        var analysed = new EntryAnalysis?[ordered.Count];
        var taken = -1;
        int? Take() => Interlocked.Increment(ref taken) is var next && next < schedule.Count ? schedule[next] : null;
        for (var i = 0; i < parallelism; i++)
            Lane(i);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var workers = lanes.Take(parallelism).Select(lane => Task.Factory.StartNew(() =>
        {
            try
            {
                var current = Take();
                if (current is { } first && IsBicepTemplate(ordered[first].Path) && lane.Compiler() is not null)
                    lane.Bicep().CompileAhead(ordered[first].Path, failed.Token);
                while (current is { } index)
                {
                    failed.Token.ThrowIfCancellationRequested();
                    var next = Take();
                    if (lane.HasCompiler)
                        lane.Bicep().CompileNext(next is { } n && IsBicepTemplate(ordered[n].Path) ? ordered[n].Path : null);
                    analysed[index] = AnalyzeEntry(ordered[index], lane, failed.Token);
                    current = next;
                }
            }
            catch
            {
                failed.Cancel(); // one lane's failure (a cancelled run) stops the others
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException e)
        {
            cancellation.ThrowIfCancellationRequested();
            var first = e.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        var entries = new List<EntryAnalysis>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (reused[i] is { } cached)
            {
                entries.Add(cached);
                continue;
            }
            cache?.Store(analysed[i]!);
            entries.Add(analysed[i]!);
        }
        var result = Finish(entries, catalogue, stopwatch) with
        {
            Reanalyzed = toAnalyse.Select(i => ordered[i].Path).ToList(),
            FilesReused = entries.Count - toAnalyse.Count,
        };
        cache?.Save(ordered, result, packs!.ReferencedPaths);
        return result with { CacheNote = cache?.Note };
    }

    // Which compiled templates this run keeps (CompilerAnswers): a module's, nested in a caller's compile, for every .bicep file
    // the run compiles on its own; an entry's own output for a template deployed more than once and for the .bicep files
    // beside an ARM JSON input (the source of a generated template, the template of a parameters file), compiled again.
    private void StartAnswers(IReadOnlyList<InputFile> ordered)
    {
        var templates = ordered
            .Select(f => f.Deployment is not { } declared ? f.Path
                : declared.Parameters is { } parameters && parameters.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) ? null
                : declared.Template)
            .OfType<string>()
            .Where(IsBicepTemplate)
            .Select(Path.GetFullPath)
            .ToList();
        var again = templates.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var bicepByFolder = inputs.Where(IsBicepTemplate).GroupBy(Path.GetDirectoryName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key ?? string.Empty, g => (IReadOnlySet<string>)g.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var json in inputs.Where(p => p.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            if (bicepByFolder.TryGetValue(Path.GetDirectoryName(json) ?? string.Empty, out var sources))
                again.UnionWith(GeneratedTemplates.Candidates(json, sources));
        }
        answers.Start(templates.ToHashSet(StringComparer.Ordinal), again);
    }

    /// <summary>Analyses with a fresh engine, which is disposed (its compiler stopped) afterwards.</summary>
    public static AnalysisResult Run(AnalysisOptions options, IEnumerable<InputFile> files, CancellationToken cancellation = default)
    {
        using var engine = new InfraLintEngine(options);
        return engine.Analyze(files, cancellation);
    }

    private ResultCache? cache;

    // The analysed set: a generated JSON template is a twin only of a .bicep file that is analysed too.
    private HashSet<string> inputs = new(StringComparer.Ordinal);

    private static bool IsBicep(string path) =>
        path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase);

    private static bool IsBicepTemplate(string path) => path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads one input file and runs every rule on its templates; suppressions and severities apply later, in <see cref="Finish"/>.</summary>
    private EntryAnalysis AnalyzeEntry(InputFile file, CompilerLane lane, CancellationToken cancellation)
    {
        var declared = file.Deployment;
        var isBicep = IsBicep(file.Path) || (declared?.Parameters is { } p && IsBicep(p));
        if (isBicep && lane.Compiler() is null)
            return EntryAnalysis.Skipped(file);
        var loaded = declared is null ? Load(file, isBicep, lane, cancellation) : LoadDeclared(file, declared, lane, cancellation);
        if (Boundary is { } boundary && ReadsOutside(file, isBicep, loaded, boundary, lane, cancellation) is { } outside)
            loaded = LoadResult.Failed(outside);
        var findings = new List<Finding>();
        if (loaded.Diagnostic is not null)
            findings.Add(loaded.Diagnostic);
        findings.AddRange(loaded.Notes);
        DeploymentInfo? deployment = null;
        if (loaded.Models.Count > 0 && AttachDeployment(loaded.Models, file.Path, declared, Configuration, options.Today, out deployment) is { } failure)
            findings.Add(failure);
        var rules = loaded.Models.Count > 0 ? RulesFor(file.Path) : [];
        // A parameters file paired with its template (main.parameters.json, read.json beside read.bicep) is no generated twin.
        var twin = isBicep || loaded.Models.Count == 0 || loaded.TemplateFile is not null ? null : Twin(file, loaded.Models[0], lane, cancellation);
        if (twin?.OutOfDate is { } outOfDate)
            findings.Add(outOfDate);
        // A twin of a Bicep file reports only what that file's analysis cannot show: the modules opaque there.
        foreach (var model in loaded.Models.Where(m => twin?.Opaque is not { } opaque || m.Template.AncestorsAndSelf().Any(t => t is JObject o && opaque.Contains(o))))
        {
            var found = ParameterDefaults.Mark(model, ruleRunner.Run(model, rules, cancellation));
            // The module's source is not in the repository: the caller's line shows where, the message what.
            findings.AddRange(model is CompiledTemplate { RegistryModule: { } reference }
                ? found.Select(f => f with { Message = $"{f.Message} (inside registry module '{reference}')" })
                : found);
        }
        var (suppressed, suppressions) = InlineSuppressions.Attach(findings, loaded.Models, documents);
        var dependencies = cache is null ? null
            : twin is { Source: null } ? null // a generated template without its source: the source may be added, so not reused
            : twin is { Source: { } source } ? (Dependencies(file, isBicep, loaded, lane, cancellation) is { } own && lane.Bicep().FileReferences(source, cancellation) is { } sources ? [.. own, .. sources] : null)
            : Dependencies(file, isBicep, loaded, lane, cancellation);
        if (declared is not null && dependencies is not null)
            dependencies = [.. dependencies, declared.Evidence.File, .. declared.Parameters is { } parameters ? [parameters] : Array.Empty<string>()];
        return new EntryAnalysis(file, suppressed, suppressions,
            loaded.Models.Count > 0, CompilerUnavailable: false, dependencies)
        {
            Deployment = options.CollectDeployments ? deployment : null,
            Deploys = ModuleCallers.DeployedBy(file.Path, loaded.Models, loaded.SwitchedOffModules),
            SourceLines = loaded.JsonSource is var (path, text) ? TokenExtents.LinesAt(path, text, suppressed) : new Dictionary<(string, int), string>(),
        };
    }

    /// <summary>Applies suppressions and severities to the findings of every entry (fresh or reused) and orders them.</summary>
    private AnalysisResult Finish(IReadOnlyList<EntryAnalysis> entries, RuleCatalogue catalogue, Stopwatch stopwatch)
    {
        entries = Exemptions.Apply(ModuleCallers.Apply(entries));
        var findings = DeploymentNaming.Apply(entries);
        var skippedBicep = entries.Count(e => e.CompilerUnavailable);
        if (skippedBicep > 0)
        {
            findings.Add(ToolDiagnostics.At(ToolDiagnostics.CompilerFailed, null,
                $"{compilerUnavailable}; {skippedBicep} Bicep file(s) were not analyzed"));
        }
        findings.AddRange(packs!.Problems);
        if (options.PolicyFrom is { IsRevision: true } revision)
            findings.AddRange(Policy.PolicyChanges.Find(revision, entries.Select(e => e.File.Path), options.ConfigFile, options.BaselineFile, catalogue.DefaultSeverities));
        var policy = new FindingPolicy(Configuration, catalogue.Ids, options.Today, options.AnalyzerConfigFiles);
        var decided = policy.Apply(Normalize(findings), entries.SelectMany(e => e.Suppressions));
        var extents = new TokenExtents(documents, entries.Select(e => e.SourceLines));
        return new AnalysisResult(Normalize(decided.Select(extents.Complete)), entries.Count(e => e.Analyzed), CompilerStarts, stopwatch.Elapsed)
        {
            Rules = catalogue,
            Deployments = entries.Select(e => e.Deployment).OfType<DeploymentInfo>().ToList(),
            ConfigurationFiles = Configuration.Loaded.Select(c => c.Path).OfType<string>().ToList(),
        };
    }

    /// <summary>
    /// For an ARM JSON template the Bicep compiler wrote: its source among the analysed files, and either the inline
    /// templates the source's analysis cannot see (the twin reports only those) or an INFRA0009 note when the
    /// template no longer matches its source (it is then analysed on its own). Null for other templates.
    /// </summary>
    private GeneratedTwin? Twin(InputFile file, TemplateModel root, CompilerLane lane, CancellationToken cancellation)
    {
        if (options.AnalyzeGeneratedTemplates || IsParametersFile(file.Path) || GeneratedTemplates.TemplateHash(root.Template) is not { } hash)
            return null;
        var candidates = GeneratedTemplates.Candidates(Path.GetFullPath(file.Path), inputs).ToList();
        if (candidates.Count == 0 || lane.Compiler() is null)
            return new GeneratedTwin(null, null, null);
        var sameName = Path.GetFileNameWithoutExtension(file.Path) + ".bicep";
        foreach (var candidate in candidates)
        {
            JObject? compiled;
            try
            {
                compiled = lane.Bicep().CompiledTemplate(candidate, cancellation);
            }
            catch (BicepCompilerException)
            {
                // No answer to compare with (the source gets its own INFRA0002 when its turn comes): analysed on its own, not cached.
                return new GeneratedTwin(null, null, null);
            }
            if (compiled is not null && GeneratedTemplates.IsBuiltFrom(root.Template, compiled))
                return new GeneratedTwin(candidate, lane.Bicep().OpaqueModuleTemplates(candidate, root.Template), null);
            if (compiled is null && Path.GetFileName(candidate) == sameName)
                return new GeneratedTwin(candidate, null, null); // the source does not compile (its own INFRA0001): nothing to compare with
        }
        // Only a source of the same name says which file it is out of date with.
        if (!candidates.Any(c => Path.GetFileName(c) == sameName))
            return new GeneratedTwin(null, null, null);
        return new GeneratedTwin(candidates[0], null, ToolDiagnostics.At(ToolDiagnostics.GeneratedTemplateOutOfDate, root.Locate((JToken?)hash.Parent ?? hash), sameName));
    }

    private sealed record GeneratedTwin(string? Source, IReadOnlySet<JObject>? Opaque, Finding? OutOfDate);

    // After a compile, on an untrusted run: the files the compiler read for this entry (or its Bicep template) must all lie
    // in the repository. Checked before any rule runs, so what the compiler inlined from them reaches no output.
    private Finding? ReadsOutside(InputFile file, bool isBicep, LoadResult loaded, ReadBoundary boundary, CompilerLane lane, CancellationToken cancellation)
    {
        var compiled = isBicep ? file.Path : loaded.TemplateFile is { } template && IsBicepTemplate(template) ? template : null;
        if (compiled is null || !lane.HasCompiler || loaded.NotCompiled || loaded.Diagnostic is { } d && d.Id == ToolDiagnostics.CompilerFailed.Id)
            return null;
        var references = lane.Bicep().FileReferences(compiled, cancellation, out var compilerFailure);
        // A compiler that fails or runs out of time on the question is INFRA0002, as for a compile, not a read outside.
        if (compilerFailure is not null)
            return ToolDiagnostics.At(ToolDiagnostics.CompilerFailed, SourceLocation.StartOf(file.Path), compilerFailure);
        return CompileTimeReads.AfterCompile(compiled, references, boundary, documents) is { } problem
            ? ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path), problem)
            : null;
    }

    // What a result depends on. Results that could not be analysed (a compile error, a missing module, broken
    // JSON) are not reused: what fixes them, a restored module or a new file, need not be a file they name.
    private IReadOnlyList<string>? Dependencies(InputFile file, bool isBicep, LoadResult loaded, CompilerLane lane, CancellationToken cancellation)
    {
        if (loaded.Diagnostic is { } diagnostic && (diagnostic.Id == ToolDiagnostics.TemplateNotAnalyzed.Id || diagnostic.Id == ToolDiagnostics.CompilerFailed.Id))
            return null;
        // Analysed with opaque dependencies: a restore or a fixed module changes the result, and asking the compiler for
        // the file's references would start the restore it could not make.
        if (loaded.Notes.Count > 0)
            return null;
        if (isBicep)
            return lane.Bicep().FileReferences(file.Path, cancellation);
        if (loaded.TemplateFile is not { } template)
            return [file.Path, .. loaded.LinkedTemplates];
        if (!template.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
            return [file.Path, template, .. loaded.LinkedTemplates];
        return lane.HasCompiler && lane.Bicep().FileReferences(template, cancellation) is { } references ? [file.Path, .. references] : null;
    }

    public void Dispose()
    {
        foreach (var lane in lanes)
            lane.Dispose();
    }

    private ReadBoundary? boundary;

    // The folders templates may read from, when the caller confines them (the CLI on a pull request).
    private ReadBoundary? Boundary => options.ReadRoots is { } roots ? boundary ??= new ReadBoundary(roots) : null;

    // infralint.json files, read once per engine: environments and packs while loading, severities and suppressions at the end.
    private ConfigLoader Configuration => configuration ??= new ConfigLoader(options.ConfigFile, options.PolicyFrom);

    // Rule packs are loaded once per engine: the ones given to it, then the ones infralint.json files name.
    private RulePackSet Packs()
    {
        if (packs is null)
        {
            packs = new RulePackSet(options.Rules.Select(r => r.Describe.Id).Concat(ToolDiagnostics.All.Select(d => d.Id)),
                options.LoadConfiguredCompiledPacks, Boundary);
            runRules = options.Rules.Concat(packs.RulesOf(options.RulePacks.Select(p => new RulePackReference(p)))).ToList();
        }
        return packs;
    }

    /// <summary>The run's catalogue: the packs given to the engine and those the infralint.json of each file names are
    /// all loaded first, whether or not the file can be analysed (or comes from the cache).</summary>
    private RuleCatalogue Catalogue(IEnumerable<InputFile> files)
    {
        foreach (var file in files)
            RulesFor(file.Path);
        return new RuleCatalogue(options.Rules, Packs().Packs);
    }

    /// <summary>The built-in rules and the packs given to the engine, plus the packs the file's infralint.json names.</summary>
    private IReadOnlyList<Rule> RulesFor(string path)
    {
        // Lanes ask at once; the packs were all loaded by the catalogue, so this only looks them up.
        lock (packsLock)
        {
            var set = Packs();
            var configured = Configuration.For(path).RulePacks;
            return configured.Count == 0 ? runRules! : runRules!.Concat(set.RulesOf(configured).Except(runRules!)).ToList();
        }
    }

    private readonly object packsLock = new();

    // The deployment view (identities, roles, environments) the 3xxx/4xxx rules read; a bug in it is one diagnostic, not a failed build.
    private static Finding? AttachDeployment(IReadOnlyList<TemplateModel> models, string path, DeclaredDeployment? declared, ConfigLoader configuration,
        DateOnly today, out DeploymentInfo? deployment)
    {
        deployment = null;
        try
        {
            var config = configuration.For(path);
            var parametersFile = declared is not null ? declared.Parameters : IsParametersFile(path) ? path : null;
            deployment = TrustModel.Attach(models, parametersFile, config.Environments, config.Permissions with { Today = today }, declared);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ToolDiagnostics.At(ToolDiagnostics.RuleFailed, SourceLocation.StartOf(path), "deployment model", $"{e.GetType().Name}: {QuotedValues.Redact(e.Message, null)}");
        }
    }

    private static bool IsGenerated(string template)
    {
        try
        {
            return GeneratedTemplates.TemplateHash(ArmTemplateReader.Parse(RegularFile.ReadAllText(template))) is not null;
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsParametersFile(string path) =>
        path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".parameters.json", StringComparison.OrdinalIgnoreCase);

    // Every variable of every model is evaluated while loading: one too large to evaluate fails the file here, once.
    private static LoadResult Evaluated(LoadResult loaded)
    {
        foreach (var model in loaded.Models.OfType<CompiledTemplate>())
            model.Evaluator.EvaluateVariables();
        return loaded;
    }

    // A declared deployment: its template with the values of its parameters file and those it sets itself (these win).
    private LoadResult LoadDeclared(InputFile file, DeclaredDeployment declared, CompilerLane lane, CancellationToken cancellation)
    {
        return Guarded(file, () =>
        {
            var template = declared.Template;
            if (declared.Parameters is { } bicepparam && bicepparam.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
                return Evaluated(lane.Bicep().LoadParameters(bicepparam, cancellation, declared.Values));
            var values = new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
            IReadOnlyList<SuppliedParameter>? supplied = null;
            if (declared.Parameters is { } parametersFile && !declared.ValuesReplaceParametersFile)
            {
                var text = RegularFile.ReadAllText(parametersFile);
                var root = ArmTemplateReader.Parse(text);
                foreach (var (name, value) in ParameterValues.From(root))
                    values[name] = value;
                supplied = ParameterValues.Supplied(root, new JsonSourceLocator(parametersFile, text));
            }
            foreach (var (name, value) in declared.Values)
                values[name] = value;
            return Evaluated(IsBicep(template)
                ? lane.Bicep().LoadTemplate(template, values, cancellation, supplied)
                : ArmFrontEnd.Load(template, values, supplied, boundary: Boundary));
        });
    }

    private LoadResult Load(InputFile file, bool isBicep, CompilerLane lane, CancellationToken cancellation) => Guarded(file, () =>
    {
        if (file.Path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
            return Evaluated(lane.Bicep().LoadParameters(file.Path, cancellation));
        if (isBicep)
            return Evaluated(lane.Bicep().Load(file.Path, cancellation));
        var loaded = ArmFrontEnd.Load(file.Path, file.Explicit, Boundary);
        if (loaded.ParametersFor is not var (template, values, supplied))
            return Evaluated(loaded);
        // main.parameters.json beside main.bicep and the main.json built from it: the values go to the source.
        if (!options.AnalyzeGeneratedTemplates && template.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
            Path.ChangeExtension(template, ".bicep") is var source && File.Exists(source) && IsGenerated(template))
            template = source;
        // A parameters file: its template, analysed with these values.
        var result = !template.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) ? ArmFrontEnd.Load(template, values, supplied, boundary: Boundary)
            : lane.Compiler() is null ? LoadResult.Skipped
            : lane.Bicep().LoadTemplate(template, values, cancellation, supplied);
        return Evaluated(result with { TemplateFile = template });
    });

    private static LoadResult Guarded(InputFile file, Func<LoadResult> load)
    {
        try
        {
            return load();
        }
        catch (ArmValueTooLargeException e)
        {
            return LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path), e.Message));
        }
        catch (BicepCompilerException e)
        {
            return LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.CompilerFailed, SourceLocation.StartOf(file.Path), e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path), "the file could not be read: " + e.Message))
                with { NotCompiled = true };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A front-end bug must not take down the build: the file gets a diagnostic, the rest goes on.
            return LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path),
                $"InfraLint failed to read it ({e.GetType().Name}: {QuotedValues.Redact(e.Message, null)})"));
        }
    }

    private CompilerLane Lane(int index)
    {
        while (lanes.Count <= index)
            lanes.Add(new CompilerLane(options, documents, Boundary, reachability, answers, LocateCompiler()));
        return lanes[index];
    }

    private string? LocateCompiler()
    {
        if (compilerLocated)
            return compilerPath;
        compilerLocated = true;
        var path = BicepCompilerLocator.Find(options.BicepPath, options.MSBuildBicepPath);
        if (path is null)
            compilerUnavailable = "not found: " + BicepCompilerLocator.HowToProvide;
        else if (!File.Exists(path))
            compilerUnavailable = $"not found at '{path}'";
        else
            compilerPath = path;
        return compilerPath;
    }

    // InfraLint's own diagnostics (two unused suppressions on one resource) are distinct by what they say.
    private static readonly HashSet<string> ToolIds = ToolDiagnostics.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Findings are a set, in a stable order: loops and several entry files report a place once. When
    /// contexts word one place differently (a module alone and through its caller), the first message in
    /// ordinal order stays, so the output does not depend on which file was read first.
    /// </summary>
    private static IReadOnlyList<Finding> Normalize(IEnumerable<Finding> findings) =>
        findings
            .Where(f => f.Severity != Severity.None)
            .OrderBy(f => f.Location?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .DistinctBy(f => (f.Id, f.Location, f.Location is null || ToolIds.Contains(f.Id) ? f.Message : null))
            .ToList();
}
