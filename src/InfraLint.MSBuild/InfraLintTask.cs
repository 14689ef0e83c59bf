using InfraLint.Core.Engine;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Sdk;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace InfraLint.MSBuild;

/// <summary>Turns MSBuild items into an analysis run and its findings into build warnings; nothing else.</summary>
public sealed partial class InfraLintTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    public void Cancel() => cancellation.Cancel();

    public override bool Execute()
    {
        var graph = string.IsNullOrEmpty(GraphFile) ? null : GraphFile;
        if (graph is not null && TrustGraphFile.Problem(graph) is { } problem)
            return Error(problem);
        try
        {
            var baseline = string.IsNullOrEmpty(BaselineFile) ? null : SarifBaseline.Load(BaselineFile);
            // The graph needs every deployment model: without its file, one full analysis rebuilds it (and the cache).
            if (graph is not null && !File.Exists(graph) && !string.IsNullOrEmpty(CacheFile) && File.Exists(CacheFile))
                File.Delete(CacheFile);
            var result = InfraLintEngine.Run(Options(collectDeployments: graph is not null),
                Templates.Select(t => new InputFile(t.GetMetadata("FullPath"))), cancellation.Token);
            (CompilerStarts, FilesReanalyzed) = (result.CompilerStarts, result.FilesReanalyzed);
            if (result.CacheNote is not null)
                Log.LogMessage(MessageImportance.Normal, "InfraLint: " + result.CacheNote);
            var start = ProjectDirectory is { Length: > 0 } project ? project : Directory.GetCurrentDirectory();
            var report = RunReport.Create(result, start, start, baseline);
            var keepAsWarnings = Ids(WarningsNotAsErrors).Concat(Ids(NoWarn)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var finding in report.Reported.Select(f => f.Finding))
                Report(finding, TreatWarningsAsErrors && !keepAsWarnings.Contains(finding.Id));
            if (!string.IsNullOrEmpty(SarifFile) && ReportFile.TryWrite(SarifFile, new SarifReportWriter(baseline).Write(report), "the SARIF file") is { } unwritable)
                Error(unwritable);
            if (graph is not null && (result.FilesReanalyzed > 0 || !File.Exists(graph)))
                TrustGraphFile.Write(graph, result, SourceRoot.Discover(start));
            Log.LogMessage(MessageImportance.Normal, "InfraLint: " + RunSummary.Build(result, report, baseline is not null));
        }
        catch (OperationCanceledException)
        {
            // Fail closed: a run cut short has not looked at every template, so the build must not pass as if it had.
            Error("cancelled before it finished; its findings are incomplete.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Error(OutputText.Line(e.Message)); // an unreadable baseline, an unwritable graph
        }
        return !Log.HasLoggedErrors;
    }

    // The console logger prints file(line,col): warning ID: message as one line of the build log, where CI runners
    // look for their commands: every part a template can name is escaped for a log line.
    private void Report(Finding finding, bool promote)
    {
        var (file, line, column) = finding.Location is { } l ? (OutputText.Line(l.FilePath), l.Line, l.Column) : (null, 0, 0);
        var (help, message) = (OutputText.WebLink(finding.Descriptor.HelpLink), OutputText.Line(finding.Message));
        if (finding.Severity == Severity.Error || (finding.Severity == Severity.Warning && promote))
            Log.LogError(null, finding.Id, null, help, file, line, column, 0, 0, message);
        else if (finding.Severity == Severity.Warning)
            Log.LogWarning(null, finding.Id, null, help, file, line, column, 0, 0, message);
        else if (finding.Severity == Severity.Suggestion)
            Log.LogMessage(null, finding.Id, null, file, line, column, 0, 0, MessageImportance.High, message);
    }

    private bool Error(string message)
    {
        Log.LogError("InfraLint: " + message);
        return false;
    }

    private static IEnumerable<string> Ids(string? list) =>
        (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
