namespace InfraLint.Cli;

/// <summary>The exit codes of DESIGN.md's CLI contract.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int UsageOrInputError = 2;
}
