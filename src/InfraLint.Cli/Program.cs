using InfraLint.Cli;
using InfraLint.Core.Engine;
using InfraLint.Core.Output;
using InfraLint.Rules;
using InfraLint.Sdk;

const int Clean = 0, Findings = 1, UsageOrInputError = 2;

var (options, error) = ArgumentParser.Parse(args);
if (options is null)
{
    if (error is not null)
        Console.Error.WriteLine("infralint: " + error);
    Console.Error.WriteLine(ArgumentParser.Usage);
    return error is null && args.Length > 0 ? Clean : UsageOrInputError;
}

var files = InputDiscovery.Expand(options.Paths, out var missing);
foreach (var path in missing)
    Console.Error.WriteLine($"infralint: error: '{path}' does not exist");
if (missing.Count > 0)
    return UsageOrInputError;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop cleanly: the engine kills the compiler on the way out
    cancel.Cancel();
};

using var engine = new InfraLintEngine(new AnalysisOptions
{
    Rules = BuiltInRules.All,
    BicepPath = options.BicepPath,
    RestoreModules = options.RestoreModules,
    CompileTimeout = options.CompileTimeout,
});
AnalysisResult result;
try
{
    result = engine.Analyze(files, cancel.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("infralint: cancelled");
    return UsageOrInputError;
}

var workingDirectory = Directory.GetCurrentDirectory();
var report = Report.Of(result.Findings, SourceRoot.Discover(workingDirectory), workingDirectory, result.FilesAnalyzed);
var text = new TextReportWriter().Write(report);
if (options.OutputFile is { } outputFile)
    ReportFile.WriteIfChanged(outputFile, text);
else
    Console.Out.Write(text);

var errors = result.Findings.Count(f => f.Severity == Severity.Error);
var warnings = result.Findings.Count(f => f.Severity == Severity.Warning);
Console.Error.WriteLine($"infralint: {result.FilesAnalyzed} template(s) analyzed, {errors} error(s), {warnings} warning(s) in {result.Elapsed.TotalSeconds:0.0} s");

var inputErrors = result.Findings.Any(f => f.Severity == Severity.Error && ToolDiagnostics.All.Any(t => t.Id == f.Id));
if (inputErrors)
    return UsageOrInputError;
return options.FailLevel is { } failLevel && result.Findings.Any(f => f.Severity >= failLevel) ? Findings : Clean;
