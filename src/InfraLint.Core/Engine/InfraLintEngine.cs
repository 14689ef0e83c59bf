using System.Diagnostics;
using InfraLint.Core.Arm;
using InfraLint.Core.Bicep;
using InfraLint.Core.Config;
using InfraLint.Core.Deployments;
using InfraLint.Core.Trust;
using InfraLint.Core.Packs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Runs every rule over every file: one compiler process for the whole run, one diagnostic per
/// file that cannot be analysed, and every other file still analysed.
/// </summary>
public sealed class InfraLintEngine : IDisposable
{
    private readonly AnalysisOptions options;
    private BicepCompiler? compiler;
    private BicepFrontEnd? bicep;
    private string? compilerUnavailable;
    private ConfigLoader? configuration;
    private RulePackSet? packs;
    private List<Rule>? runRules;

    public InfraLintEngine(AnalysisOptions options) => this.options = options;

    /// <summary>How many compiler processes this engine started.</summary>
    public int CompilerStarts => compiler?.Starts ?? 0;

    /// <summary>Process ids of the compilers this engine started.</summary>
    public IReadOnlyList<int> CompilerProcessIds => compiler?.ProcessIds ?? [];

    public AnalysisResult Analyze(IEnumerable<InputFile> files, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var ordered = DeploymentPlan.Expand(files, options.DeclaredDeployments);
        var nextBicep = new string?[ordered.Count + 1];
        for (var i = ordered.Count - 1; i >= 0; i--)
            nextBicep[i] = IsBicepTemplate(ordered[i].Path) ? ordered[i].Path : nextBicep[i + 1];
        // The compiler starts and compiles the first file while the rules and configuration load.
        if (nextBicep[0] is { } first && Compiler() is not null)
            Bicep().CompileAhead(first, cancellation);
        var entries = new List<EntryAnalysis>();
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (compiler is not null)
                Bicep().CompileNext(nextBicep[i + 1]);
            entries.Add(AnalyzeEntry(ordered[i], cancellation));
        }
        return Finish(entries, stopwatch);
    }

    private static bool IsBicep(string path) =>
        path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase);

    private static bool IsBicepTemplate(string path) => path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads one input file and runs every rule on its templates; suppressions and severities apply later, in <see cref="Finish"/>.</summary>
    internal EntryAnalysis AnalyzeEntry(InputFile file, CancellationToken cancellation)
    {
        var declared = file.Deployment;
        var isBicep = IsBicep(file.Path) || (declared?.Parameters is { } p && IsBicep(p));
        if (isBicep && Compiler() is null)
            return EntryAnalysis.Skipped(file);
        var loaded = declared is null ? Load(file, isBicep, cancellation) : LoadDeclared(file, declared, cancellation);
        var findings = new List<Finding>();
        if (loaded.Diagnostic is not null)
            findings.Add(loaded.Diagnostic);
        DeploymentInfo? deployment = null;
        if (loaded.Models.Count > 0 && AttachDeployment(loaded.Models, file.Path, declared, Configuration, options.Today, out deployment) is { } failure)
            findings.Add(failure);
        var rules = loaded.Models.Count > 0 ? RulesFor(file.Path) : [];
        foreach (var model in loaded.Models)
            findings.AddRange(RunRules(model, rules));
        var suppressing = loaded.Models.Where(m => m.Language == SourceLanguage.ArmJson)
            .SelectMany(m => m.Resources).Where(r => FindingPolicy.MetadataSuppressions(r) is not null).ToList();
        var dependencies = options.TrackDependencies ? Dependencies(file, isBicep, loaded, cancellation) : null;
        if (declared is not null && dependencies is not null)
            dependencies = [.. dependencies, declared.Evidence.File, .. declared.Parameters is { } parameters ? [parameters] : Array.Empty<string>()];
        return new EntryAnalysis(file, findings, loaded.Models.Select(m => m.FilePath).ToList(), suppressing,
            loaded.Models.Count > 0, CompilerUnavailable: false, dependencies) { Deployment = options.CollectDeployments ? deployment : null };
    }

    /// <summary>Applies suppressions and severities to the findings of every entry (fresh or reused) and orders them.</summary>
    internal AnalysisResult Finish(IReadOnlyList<EntryAnalysis> entries, Stopwatch stopwatch)
    {
        var findings = DeploymentNaming.Apply(entries);
        var skippedBicep = entries.Count(e => e.CompilerUnavailable);
        if (skippedBicep > 0)
        {
            findings.Add(ToolDiagnostics.At(ToolDiagnostics.CompilerFailed, null,
                $"{compilerUnavailable}; {skippedBicep} Bicep file(s) were not analyzed"));
        }
        var packs = PacksFor(entries.Select(e => e.File.Path));
        findings.AddRange(packs.Problems);
        var knownIds = options.Rules.Concat(packs.Packs.SelectMany(p => p.Rules)).Select(r => r.Descriptor.Id)
            .Concat(ToolDiagnostics.All.Select(d => d.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var policy = new FindingPolicy(Configuration, knownIds, options.Today);
        var decided = policy.Apply(Normalize(findings), entries.SelectMany(e => e.AnalyzedFiles), entries.SelectMany(e => e.SuppressingResources));
        var extents = new TokenExtents();
        return new AnalysisResult(Normalize(decided.Select(extents.Complete)), entries.Count(e => e.Analyzed), CompilerStarts, stopwatch.Elapsed)
        {
            RulePacks = packs.Packs,
            Deployments = entries.Select(e => e.Deployment).OfType<DeploymentInfo>().ToList(),
        };
    }

    // What a result depends on. Results that could not be analysed (a compile error, a missing module, broken
    // JSON) are not reused: what fixes them, a restored module or a new file, need not be a file they name.
    private IReadOnlyList<string>? Dependencies(InputFile file, bool isBicep, LoadResult loaded, CancellationToken cancellation)
    {
        if (loaded.Diagnostic is { } diagnostic && (diagnostic.Id == ToolDiagnostics.TemplateNotAnalyzed.Id || diagnostic.Id == ToolDiagnostics.CompilerFailed.Id))
            return null;
        if (isBicep)
            return Bicep().FileReferences(file.Path, cancellation);
        if (loaded.TemplateFile is not { } template)
            return [file.Path];
        if (!template.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
            return [file.Path, template];
        return compiler is not null && Bicep().FileReferences(template, cancellation) is { } references ? [file.Path, .. references] : null;
    }

    public void Dispose() => compiler?.Dispose();

    // infralint.json files, read once per engine: environments and packs while loading, severities and suppressions at the end.
    private ConfigLoader Configuration => configuration ??= new ConfigLoader(options.ConfigFile);

    // Rule packs are loaded once per engine: the ones given to it, then the ones infralint.json files name.
    private RulePackSet Packs()
    {
        if (packs is null)
        {
            packs = new RulePackSet(options.Rules.Select(r => r.Descriptor.Id).Concat(ToolDiagnostics.All.Select(d => d.Id)));
            runRules = options.Rules.Concat(packs.RulesOf(options.RulePacks.Select(p => new RulePackReference(p)))).ToList();
        }
        return packs;
    }

    /// <summary>The packs given to the engine and those the infralint.json of each file names, whether or not the file
    /// could be analysed (or came from a cache), so a run's packs and pack problems do not depend on which files compiled.</summary>
    internal RulePackSet PacksFor(IEnumerable<string> paths)
    {
        foreach (var path in paths)
            RulesFor(path);
        return Packs();
    }

    /// <summary>The built-in rules and the packs given to the engine, plus the packs the file's infralint.json names.</summary>
    private IReadOnlyList<Rule> RulesFor(string path)
    {
        var set = Packs();
        var configured = Configuration.For(path).RulePacks;
        return configured.Count == 0 ? runRules! : runRules!.Concat(set.RulesOf(configured).Except(runRules!)).ToList();
    }

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

    private static bool IsParametersFile(string path) =>
        path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".parameters.json", StringComparison.OrdinalIgnoreCase);

    // A declared deployment: its template with the values of its parameters file and those it sets itself (these win).
    private LoadResult LoadDeclared(InputFile file, DeclaredDeployment declared, CancellationToken cancellation)
    {
        return Guarded(file, () =>
        {
            var template = declared.Template;
            if (declared.Parameters is { } bicepparam && bicepparam.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
                return Bicep().LoadParameters(new InputFile(bicepparam), cancellation, declared.Values);
            var values = new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
            IReadOnlyList<SuppliedParameter>? supplied = null;
            if (declared.Parameters is { } parametersFile && !declared.ValuesReplaceParametersFile)
            {
                var text = File.ReadAllText(parametersFile);
                var root = ArmTemplateReader.Parse(text);
                foreach (var (name, value) in ParameterValues.From(root))
                    values[name] = value;
                supplied = ParameterValues.Supplied(root, new JsonSourceLocator(parametersFile, text));
            }
            foreach (var (name, value) in declared.Values)
                values[name] = value;
            return IsBicep(template)
                ? Bicep().LoadTemplate(template, values, cancellation, supplied)
                : ArmFrontEnd.Load(new InputFile(template), values, supplied);
        });
    }

    private LoadResult Load(InputFile file, bool isBicep, CancellationToken cancellation) => Guarded(file, () =>
    {
        if (file.Path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
            return Bicep().LoadParameters(file, cancellation);
        if (isBicep)
            return Bicep().Load(file, cancellation);
        var loaded = ArmFrontEnd.Load(file);
        if (loaded.ParametersFor is not var (template, values, supplied))
            return loaded;
        // A parameters file: its template, analysed with these values.
        var result = !template.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) ? ArmFrontEnd.Load(new InputFile(template), values, supplied)
            : Compiler() is null ? LoadResult.Skipped
            : Bicep().LoadTemplate(template, values, cancellation, supplied);
        return result with { TemplateFile = template };
    });

    private static LoadResult Guarded(InputFile file, Func<LoadResult> load)
    {
        try
        {
            return load();
        }
        catch (BicepCompilerException e)
        {
            return LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.CompilerFailed, SourceLocation.StartOf(file.Path), e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path), "the file could not be read: " + e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A front-end bug must not take down the build: the file gets a diagnostic, the rest goes on.
            return LoadResult.Failed(ToolDiagnostics.At(ToolDiagnostics.TemplateNotAnalyzed, SourceLocation.StartOf(file.Path),
                $"InfraLint failed to read it ({e.GetType().Name}: {QuotedValues.Redact(e.Message, null)})"));
        }
    }

    private static IEnumerable<Finding> RunRules(TemplateModel model, IReadOnlyList<Rule> rules)
    {
        var results = new List<Finding>();
        foreach (var rule in rules)
        {
            var sink = new FindingSink(model);
            try
            {
                rule.Analyze(model, sink);
                results.AddRange(sink.Findings);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results.Add(ToolDiagnostics.At(ToolDiagnostics.RuleFailed, SourceLocation.StartOf(model.FilePath),
                    rule.Descriptor.Id, $"{e.GetType().Name}: {QuotedValues.Redact(e.Message, null)}"));
            }
        }
        return results;
    }

    private BicepFrontEnd Bicep() => bicep ??= new BicepFrontEnd(compiler!, options);

    private BicepCompiler? Compiler()
    {
        if (compiler is not null || compilerUnavailable is not null)
            return compiler;
        var path = BicepCompilerLocator.Find(options.BicepPath, options.MSBuildBicepPath);
        if (path is null)
            compilerUnavailable = "not found: " + BicepCompilerLocator.HowToProvide;
        else if (!File.Exists(path))
            compilerUnavailable = $"not found at '{path}'";
        else
            compiler = new BicepCompiler(path, options.CompileTimeout, options.CompilesPerCompilerProcess);
        return compiler;
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
