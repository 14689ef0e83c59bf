using InfraLint.Core.Engine;
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

    public bool RestoreModules { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary><c>$(WarningsNotAsErrors)</c> and <c>$(NoWarn)</c>: ids that <see cref="TreatWarningsAsErrors"/> leaves alone.</summary>
    public string? WarningsNotAsErrors { get; set; }

    public string? NoWarn { get; set; }

    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        var files = Templates.Select(t => new InputFile(t.GetMetadata("FullPath"))).ToList();
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = BicepPath,
            MSBuildBicepPath = PackageBicepPath,
            RestoreModules = RestoreModules,
        });
        try
        {
            var result = engine.Analyze(files, cancellation.Token);
            var keepAsWarnings = Ids(WarningsNotAsErrors).Concat(Ids(NoWarn)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var finding in result.Reported)
                Report(finding, TreatWarningsAsErrors && !keepAsWarnings.Contains(finding.Id));
            Log.LogMessage(MessageImportance.Normal, $"InfraLint: {result.FilesAnalyzed} template(s) analyzed in {result.Elapsed.TotalSeconds:0.0} s, compiler started {result.CompilerStarts} time(s).");
        }
        catch (OperationCanceledException)
        {
            Log.LogWarning("InfraLint: cancelled.");
        }
        return !Log.HasLoggedErrors;
    }

    private void Report(Finding finding, bool promote)
    {
        var (file, line, column) = finding.Location is { } l ? (l.FilePath, l.Line, l.Column) : (null, 0, 0);
        var help = finding.Descriptor.HelpLink;
        switch (finding.Severity)
        {
            case Severity.Error:
            case Severity.Warning when promote:
                Log.LogError(null, finding.Id, null, help, file, line, column, 0, 0, finding.Message);
                break;
            case Severity.Warning:
                Log.LogWarning(null, finding.Id, null, help, file, line, column, 0, 0, finding.Message);
                break;
            case Severity.Suggestion:
                Log.LogMessage(null, finding.Id, null, file, line, column, 0, 0, MessageImportance.High, finding.Message);
                break;
        }
    }

    private static IEnumerable<string> Ids(string? list) =>
        (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
