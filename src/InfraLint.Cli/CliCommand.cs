namespace InfraLint.Cli;

internal enum CliCommand
{
    /// <summary><c>infralint check</c>: report findings.</summary>
    Check,
    /// <summary><c>infralint baseline create</c>: write today's findings as a SARIF baseline.</summary>
    BaselineCreate,
}
