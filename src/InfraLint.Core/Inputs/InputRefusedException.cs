namespace InfraLint.Core.Inputs;

/// <summary>A file of the analysed tree that InfraLint does not read (not a regular file, too large); the message says why.</summary>
public sealed class InputRefusedException(string path, string reason) : IOException($"'{Path.GetFileName(path)}': {reason}")
{
    public string Reason { get; } = reason;
}
