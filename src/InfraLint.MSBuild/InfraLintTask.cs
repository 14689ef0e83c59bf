using InfraLint.Core.Engine;
using InfraLint.Core.Incremental;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Rules;
using InfraLint.Sdk;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace InfraLint.MSBuild;

/// <summary>Turns MSBuild items into an analysis run and its findings into build warnings; nothing else.</summary>
public sealed class InfraLintTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    [Required]
    public ITaskItem[] Templates { get; set; } = [];

    /// <summary><c>$(InfraLintBicepPath)</c>: an explicit compiler.</summary>
    public string? BicepPath { get; set; }

    /// <summary><c>$(BicepPath)</c>, set by the Azure.Bicep.CommandLine.&lt;rid&gt; package.</summary>
    public string? PackageBicepPath { get; set; }

    /// <summary><c>$(InfraLintRestoreModules)</c>: <c>true</c>, <c>false</c>, or empty for "when the registry is reachable".</summary>
    public string? RestoreModules { get; set; }

    public bool AnalyzeGeneratedTemplates { get; set; }

    /// <summary><c>$(InfraLintConfigFile)</c>: one infralint.json for every template instead of the nearest one above each.</summary>
    public string? ConfigFile { get; set; }

    /// <summary><c>$(InfraLintCompileTimeout)</c>: seconds one compile may take (default 60).</summary>
    public int CompileTimeoutSeconds { get; set; } = 60;

    /// <summary><c>$(InfraLintRuleTimeout)</c>: seconds one rule may run on one template before it is INFRA0005 (default 30).</summary>
    public int RuleTimeoutSeconds { get; set; } = 30;

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary><c>$(WarningsNotAsErrors)</c> and <c>$(NoWarn)</c>: ids that <see cref="TreatWarningsAsErrors"/> leaves alone.</summary>
    public string? WarningsNotAsErrors { get; set; }

    public string? NoWarn { get; set; }

    /// <summary><c>$(InfraLintSarifFile)</c> as a full path: where to write SARIF, or empty for none.</summary>
    public string? SarifFile { get; set; }

    /// <summary><c>$(InfraLintGraphFile)</c> as a full path: where to write the trust graph (format by extension), or empty for none.</summary>
    public string? GraphFile { get; set; }

    /// <summary><c>$(InfraLintBaselineFile)</c> as a full path: only findings not in it are logged.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Where findings are cached between builds (<c>$(IntermediateOutputPath)infralint.cache.json</c>), or empty for none.</summary>
    public string? CacheFile { get; set; }

    /// <summary>Further files whose change re-analyses everything, such as <c>@(InfraLintRulePack)</c>.</summary>
    public ITaskItem[] AdditionalInputs { get; set; } = [];

    /// <summary>The build's .editorconfig and .globalconfig files, as the C# compiler gets them, plus those above each template.</summary>
    public ITaskItem[] AnalyzerConfigFiles { get; set; } = [];

    /// <summary>How many compiler processes this run started (0 when nothing changed).</summary>
    [Output]
    public int CompilerStarts { get; private set; }

    /// <summary>How many input files were analysed in this run; the others' findings came from the cache.</summary>
    [Output]
    public int FilesReanalyzed { get; private set; }

    /// <summary><c>@(InfraLintRulePack)</c>: rule packs (<c>*.infralint-rules.json</c> or compiled .dll) for every template.</summary>
    public ITaskItem[] RulePacks { get; set; } = [];

    /// <summary><c>$(MSBuildProjectDirectory)</c>: where the search for the source root (<c>.git</c>) starts.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>Analyse each deployment the repository declares (pipelines, azd, infralint.json) with its values and environment.</summary>
    public bool DiscoverDeployments { get; set; } = true;

    /// <summary>Where deployments are declared; empty means the repository root (the nearest folder with .git above the project).</summary>
    public string? DeploymentsRoot { get; set; }

    private static IEnumerable<RuleDescriptor> Catalogue => BuiltInRules.All.Select(r => r.Describe).Concat(ToolDiagnostics.All);

    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        var files = Templates.Select(t => new InputFile(t.GetMetadata("FullPath"))).ToList();
        var graph = string.IsNullOrEmpty(GraphFile) ? null : GraphFile;
        if (graph is not null && TrustGraphFile.Problem(graph) is { } problem)
        {
            Log.LogError("InfraLint: " + problem);
            return false;
        }
        try
        {
            var baseline = string.IsNullOrEmpty(BaselineFile) ? null : SarifBaseline.Load(BaselineFile);
            var options = new AnalysisOptions
            {
                Rules = BuiltInRules.All,
                BicepPath = BicepPath,
                MSBuildBicepPath = PackageBicepPath,
                RestoreModules = bool.TryParse(RestoreModules, out var restore) ? restore : null,
                AnalyzeGeneratedTemplates = AnalyzeGeneratedTemplates,
                ConfigFile = string.IsNullOrEmpty(ConfigFile) ? null : ConfigFile,
                CompileTimeout = TimeSpan.FromSeconds(Math.Max(1, CompileTimeoutSeconds)),
                RuleTimeout = TimeSpan.FromSeconds(Math.Max(1, RuleTimeoutSeconds)),
                RulePacks = RulePacks.Select(p => p.GetMetadata("FullPath")).ToList(),
                AnalyzerConfigFiles = AnalyzerConfigFiles.Select(f => f.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal).ToList(),
                CollectDeployments = graph is not null,
                DeclaredDeployments = Deployments(),
            };
            // The graph needs every deployment model. A build where nothing changed keeps the graph file as it is; a
            // missing graph file means one full analysis, which also rebuilds the cache.
            if (graph is not null && !File.Exists(graph) && !string.IsNullOrEmpty(CacheFile) && File.Exists(CacheFile))
                File.Delete(CacheFile);
            var run = Analyze(options, files);
            var result = run.Result;
            CompilerStarts = result.CompilerStarts;
            FilesReanalyzed = run.FilesReanalyzed;
            if (run.Note is not null)
                Log.LogMessage(MessageImportance.Normal, "InfraLint: " + run.Note);
            var start = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
            var report = RunReport.Create(result, start, start, baseline);
            var keepAsWarnings = Ids(WarningsNotAsErrors).Concat(Ids(NoWarn)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var finding in report.Reported.Select(f => f.Finding))
                Report(finding, TreatWarningsAsErrors && !keepAsWarnings.Contains(finding.Id));
            if (!string.IsNullOrEmpty(SarifFile))
                WriteSarif(SarifFile, new SarifReportWriter(Catalogue, baseline).Write(report));
            if (graph is not null && (run.FilesReanalyzed > 0 || !File.Exists(graph)))
                TrustGraphFile.Write(graph, result, SourceRoot.Discover(start));
            var baselined = baseline is null ? "" : $", {report.Findings.Count(f => f.BaselineState == BaselineState.Unchanged)} baselined finding(s) not shown";
            Log.LogMessage(MessageImportance.Normal, $"InfraLint: {result.FilesAnalyzed} template(s) analyzed in {result.Elapsed.TotalSeconds:0.0} s " +
                $"({run.FilesReanalyzed} file(s) analyzed again, {run.FilesReused} unchanged from the cache), compiler started {result.CompilerStarts} time(s){baselined}.");
        }
        catch (OperationCanceledException)
        {
            // Fail closed: a run cut short has not looked at every template, so the build must not pass as if it had.
            Log.LogError("InfraLint: cancelled before it finished; its findings are incomplete.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Log.LogError("InfraLint: " + OutputText.Line(e.Message)); // an unreadable baseline, an unwritable SARIF file
        }
        return !Log.HasLoggedErrors;
    }

    private IReadOnlyList<Core.Deployments.DeclaredDeployment> Deployments()
    {
        if (!DiscoverDeployments)
            return [];
        var project = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory;
        var root = string.IsNullOrEmpty(DeploymentsRoot) ? Core.Deployments.DeploymentDiscovery.RepositoryRoot(project) ?? project : DeploymentsRoot;
        var discovered = Core.Deployments.DeploymentDiscovery.Discover(root, string.IsNullOrEmpty(ConfigFile) ? null : ConfigFile);
        foreach (var note in discovered.Notes)
            Log.LogMessage(MessageImportance.Low, "InfraLint: " + note);
        return discovered.Deployments;
    }

    // The IO message alone ("The file '…/obj' already exists") does not say which file InfraLint was writing.
    private void WriteSarif(string path, string sarif)
    {
        try
        {
            ReportFile.WriteIfChanged(path, sarif);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError($"InfraLint: cannot write the SARIF file '{path}': {e.Message}");
        }
    }

    private IncrementalRun Analyze(AnalysisOptions options, List<InputFile> files)
    {
        if (!string.IsNullOrEmpty(CacheFile))
            return new IncrementalAnalysis(options, CacheFile, AdditionalInputs.Select(i => i.GetMetadata("FullPath")).ToList()).Run(files, cancellation.Token);
        using var engine = new InfraLintEngine(options);
        var result = engine.Analyze(files, cancellation.Token);
        return new IncrementalRun(result, files.Select(f => f.Path).ToList(), 0, null);
    }

    private void Report(Finding finding, bool promote)
    {
        // The console logger prints file(line,col): warning ID: message as one line of the build log, where CI runners
        // look for their commands: every part a template can name is escaped for a log line.
        var (file, line, column) = finding.Location is { } l ? (OutputText.Line(l.FilePath), l.Line, l.Column) : (null, 0, 0);
        var help = OutputText.WebLink(finding.Descriptor.HelpLink);
        var message = OutputText.Line(finding.Message);
        switch (finding.Severity)
        {
            case Severity.Error:
            case Severity.Warning when promote:
                Log.LogError(null, finding.Id, null, help, file, line, column, 0, 0, message);
                break;
            case Severity.Warning:
                Log.LogWarning(null, finding.Id, null, help, file, line, column, 0, 0, message);
                break;
            case Severity.Suggestion:
                Log.LogMessage(null, finding.Id, null, file, line, column, 0, 0, MessageImportance.High, message);
                break;
        }
    }

    private static IEnumerable<string> Ids(string? list) =>
        (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
