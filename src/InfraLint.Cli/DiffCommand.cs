using InfraLint.Core.Config;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Diff;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Writers;

namespace InfraLint.Cli;

/// <summary>
/// <c>infralint diff --base REF [path...]</c>: compares the paths in the working tree and at REF (<see cref="RevisionComparison"/>)
/// and writes what changed.
/// </summary>
internal static class DiffCommand
{
    public static int Run(CliOptions options) => RevisionComparison.Run(options, compared =>
    {
        var diff = compared.Diff;
        var text = options.Format switch
        {
            ReportFormat.Json => DiffJsonWriter.Write(diff),
            ReportFormat.Markdown => DiffMarkdownWriter.Write(diff),
            ReportFormat.Sarif => DiffSarifWriter.Write(diff, new SourceRoot(compared.Repository),
                ConfiguredSeverity.Of(ToolDiagnostics.TrustWidened.Id, options.Paths[0], options.ConfigFile, compared.PolicyFrom) ?? ToolDiagnostics.TrustWidened.DefaultSeverity),
            _ => DiffTextWriter.Write(diff),
        };
        if (!ReportOutput.Write(options.OutputFile, text))
            return ExitCodes.UsageOrInputError;
        Console.Error.WriteLine($"infralint: {OutputText.Line(options.BaseRef!)} → {OutputText.Line(compared.Head)}: {diff.Count(TrustDiff.WideningGroup)} widening, " +
            $"{diff.Count(TrustDiff.Narrowing)} narrowing, {diff.Count(TrustDiff.Neutral)} neutral change(s)");
        return options.FailOnWidening && diff.WidensTrust ? ExitCodes.Findings : ExitCodes.Clean;
    });
}
