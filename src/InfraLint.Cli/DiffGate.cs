namespace InfraLint.Cli;

/// <summary><c>diff --fail-on</c>: what makes the exit code 1.</summary>
internal enum DiffGate
{
    /// <summary>Nothing: exit 0 whenever the diff is written.</summary>
    None,

    /// <summary>Any change that widens trust.</summary>
    Widening,
}
