using System.Text.RegularExpressions;

namespace InfraLint.Core.Inputs;

/// <summary>Regular expressions built from input (pack type patterns and conditions, suppression globs) run with a time limit,
/// so a crafted pattern or subject cannot stall a run.</summary>
internal static class InputRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Whether <paramref name="regex"/> matches; one that runs out of time does not.</summary>
    public static bool IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
