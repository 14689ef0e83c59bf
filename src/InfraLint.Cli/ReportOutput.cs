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
            Console.Out.Write(text);
            return true;
        }
        try
        {
            ReportFile.WriteIfChanged(outputFile, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"infralint: error: cannot write '{outputFile}': {e.Message}");
            return false;
        }
    }
}
