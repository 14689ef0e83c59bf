using InfraLint.Reporting.Output;

namespace InfraLint.Cli;

/// <summary>Where a command's report goes: <c>--output FILE</c> (left untouched when unchanged) or standard output.</summary>
internal static class ReportOutput
{
    /// <summary>Writes <paramref name="text"/>; false, with the reason on standard error, when the file cannot be written.</summary>
    public static bool Write(string? outputFile, string text)
    {
        if (outputFile is null)
        {
            try
            {
                Console.Out.Write(text);
                Console.Out.Flush();
                return true;
            }
            catch (IOException e)
            {
                // A full disk or a closed pipe behind standard output: the report is lost, and the exit code must say so.
                Console.Error.WriteLine("infralint: error: cannot write the report to standard output: " + e.Message);
                return false;
            }
        }
        if (ReportFile.TryWrite(outputFile, text) is not { } problem)
            return true;
        Console.Error.WriteLine("infralint: error: " + problem);
        return false;
    }
}
