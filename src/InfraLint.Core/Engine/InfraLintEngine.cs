using System.Diagnostics;
using InfraLint.Core.Arm;
using InfraLint.Core.Bicep;
using InfraLint.Core.Config;
using InfraLint.Core.Trust;
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

    public InfraLintEngine(AnalysisOptions options) => this.options = options;

    /// <summary>How many compiler processes this engine started.</summary>
    public int CompilerStarts => compiler?.Starts ?? 0;

    /// <summary>Process ids of the compilers this engine started.</summary>
    public IReadOnlyList<int> CompilerProcessIds => compiler?.ProcessIds ?? [];

    public AnalysisResult Analyze(IEnumerable<InputFile> files, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var findings = new List<Finding>();
        var analyzedFiles = new List<string>();
        var suppressingResources = new List<ResourceModel>();
        var analyzed = 0;
        var skippedBicep = 0;
        var configuration = new ConfigLoader(options.ConfigFile);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellation.ThrowIfCancellationRequested();
            var isBicep = file.Path.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase);
            if (isBicep && Compiler() is null)
            {
                skippedBicep++;
                continue;
            }
            var loaded = Load(file, isBicep, cancellation);
            if (loaded.Diagnostic is not null)
                findings.Add(loaded.Diagnostic);
            if (loaded.Models.Count == 0)
                continue;
            analyzed++;
            if (AttachDeployment(loaded.Models, file.Path, configuration, options.Today) is { } failure)
                findings.Add(failure);
            foreach (var model in loaded.Models)
                findings.AddRange(RunRules(model));
            analyzedFiles.AddRange(loaded.Models.Select(m => m.FilePath));
            suppressingResources.AddRange(loaded.Models.Where(m => m.Language == SourceLanguage.ArmJson)
                .SelectMany(m => m.Resources).Where(r => FindingPolicy.MetadataSuppressions(r) is not null));
        }
        if (skippedBicep > 0)
        {
            findings.Add(ToolDiagnostics.At(ToolDiagnostics.CompilerFailed, null,
                $"{compilerUnavailable}; {skippedBicep} Bicep file(s) were not analyzed"));
        }
        var knownIds = options.Rules.Select(r => r.Descriptor.Id).Concat(ToolDiagnostics.All.Select(d => d.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var policy = new FindingPolicy(configuration, knownIds, options.Today);
        var decided = policy.Apply(Normalize(findings), analyzedFiles, suppressingResources);
        var extents = new TokenExtents();
        return new AnalysisResult(Normalize(decided.Select(extents.Complete)), analyzed, CompilerStarts, stopwatch.Elapsed);
    }

    public void Dispose() => compiler?.Dispose();

    // The deployment view (identities, roles, environments) the 3xxx/4xxx rules read; a bug in it is one diagnostic, not a failed build.
    private static Finding? AttachDeployment(IReadOnlyList<TemplateModel> models, string path, ConfigLoader configuration, DateOnly today)
    {
        try
        {
            var config = configuration.For(path);
            TrustModel.Attach(models, IsParametersFile(path) ? path : null, config.Environments, config.Permissions with { Today = today });
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ToolDiagnostics.At(ToolDiagnostics.RuleFailed, SourceLocation.StartOf(path), "deployment model", $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static bool IsParametersFile(string path) =>
        path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".parameters.json", StringComparison.OrdinalIgnoreCase);

    private LoadResult Load(InputFile file, bool isBicep, CancellationToken cancellation)
    {
        try
        {
            if (file.Path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase))
                return Bicep().LoadParameters(file, cancellation);
            if (isBicep)
                return Bicep().Load(file, cancellation);
            var loaded = ArmFrontEnd.Load(file);
            if (loaded.ParametersFor is not var (template, values, supplied))
                return loaded;
            // A parameters file: its template, analysed with these values.
            if (!template.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
                return ArmFrontEnd.Load(new InputFile(template), values, supplied);
            return Compiler() is null ? LoadResult.Skipped : Bicep().LoadTemplate(template, values, cancellation, supplied);
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
                $"InfraLint failed to read it ({e.GetType().Name}: {e.Message})"));
        }
    }

    private IEnumerable<Finding> RunRules(TemplateModel model)
    {
        var results = new List<Finding>();
        foreach (var rule in options.Rules)
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
                    rule.Descriptor.Id, $"{e.GetType().Name}: {e.Message}"));
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
            .DistinctBy(f => (f.Id, f.Location, f.Location is null ? f.Message : null))
            .ToList();
}
