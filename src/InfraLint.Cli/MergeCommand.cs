using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Shards;

namespace InfraLint.Cli;

/// <summary><c>merge</c>: the reports of every shard of one run, back into the report of one unsharded run.</summary>
internal static class MergeCommand
{
    public static int Run(CliOptions options)
    {
        var reports = new List<(string Name, string Text)>();
        foreach (var path in options.Paths)
        {
            try
            {
                reports.Add((path, RegularFile.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"infralint: error: cannot read '{OutputText.Line(path)}': {OutputText.Line(e.Message)}");
                return ExitCodes.UsageOrInputError;
            }
        }
        var format = options.Format switch
        {
            ReportFormat.Sarif => "sarif",
            ReportFormat.Json => "json",
            ReportFormat.GitHub => "github",
            _ => "text",
        };
        var (merged, problem) = ShardMerge.Merge(reports, format);
        if (merged is null)
        {
            Console.Error.WriteLine("infralint: error: " + problem);
            return ExitCodes.UsageOrInputError;
        }
        if (!ReportOutput.Write(options.OutputFile, merged))
            return ExitCodes.UsageOrInputError;
        Console.Error.WriteLine($"infralint: {reports.Count} shard report(s) merged");
        return ExitCodes.Clean;
    }
}
