namespace InfraLint.Reporting.Reports;

/// <summary>
/// What a <c>--shard K/N</c> report covers, written into every format (text and GitHub: a header and a footer line; JSON:
/// a <c>shard</c> object; SARIF: the run's <c>shard</c> property) so that <c>infralint merge</c> can check it has every part
/// of one run, once.
/// </summary>
/// <param name="Index">K, 1-based.</param>
/// <param name="Count">N.</param>
/// <param name="InputFiles">The input files of this part.</param>
/// <param name="TotalInputFiles">The input files of the whole run.</param>
/// <param name="Inputs">The digest of the whole run's inputs (<see cref="Core.Engine.Sharding.InputsDigest"/>).</param>
/// <param name="ConfigurationFiles">The infralint.json files this part read (full paths).</param>
public sealed record ShardCoverage(int Index, int Count, int InputFiles, int TotalInputFiles, string Inputs, IReadOnlyList<string> ConfigurationFiles)
{
    /// <summary>The SARIF run property that holds a shard report's coverage.</summary>
    public const string SarifProperty = "shard";

    /// <summary>The header line of a text or GitHub shard report; no finding line can match it (each has a location or
    /// "infralint:" and a level after a colon, and no line of it is only hex digits after "sha256:").</summary>
    public string Header(int configurationLines) =>
        FormattableString.Invariant($"# infralint shard {Index}/{Count}: {InputFiles} of {TotalInputFiles} input files, {configurationLines} configuration files, inputs sha256:{Inputs}");

    /// <summary>The last line of a text or GitHub shard report, with the number of finding lines before it.</summary>
    public string Footer(int findings) => FormattableString.Invariant($"# infralint shard {Index}/{Count} end: {findings} findings");
}
