using InfraLint.Reporting.Reports;

namespace InfraLint.Reporting.Writers;

/// <summary>
/// The line formats (text, GitHub) of a shard report: the header, one <c># configuration: </c> line per infralint.json the
/// shard read (written as a finding line at that file begins, so merge can tell which findings are about it), the finding
/// lines, and the footer with their count. Without a shard, only the finding lines.
/// </summary>
internal static class ShardLines
{
    public const string ConfigurationPrefix = "# configuration: ";

    public static string Wrap(Report report, IReadOnlyList<string> lines, Func<string, string> configurationMarker)
    {
        if (report.Shard is not { } shard)
            return string.Concat(lines.Select(l => l + "\n"));
        var configurations = shard.ConfigurationFiles.Select(c => ConfigurationPrefix + configurationMarker(c)).Distinct(StringComparer.Ordinal).ToList();
        return string.Concat(new[] { shard.Header(configurations.Count) }.Concat(configurations).Concat(lines).Append(shard.Footer(lines.Count)).Select(l => l + "\n"));
    }
}
