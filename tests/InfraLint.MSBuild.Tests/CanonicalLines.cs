using System.Text.RegularExpressions;

namespace InfraLint.MSBuild.Tests;

/// <summary>Reads MSBuild's canonical diagnostic lines back as `relative/path(line,col): level ID`, sorted and distinct
/// (InfraLint's ids and rule packs' alike).</summary>
internal static partial class CanonicalLines
{
    [GeneratedRegex(@"^\s*(?<file>[^\s(]+)\((?<line>\d+),(?<col>\d+)\): (?<level>warning|error) (?<id>[A-Z]+\d{4}): ")]
    private static partial Regex Canonical();

    public static string[] Parse(IEnumerable<string> output, string baseDirectory) =>
        output
            .Select(l => Canonical().Match(l))
            .Where(m => m.Success)
            .Select(m => $"{Path.GetRelativePath(baseDirectory, m.Groups["file"].Value).Replace('\\', '/')}({m.Groups["line"].Value},{m.Groups["col"].Value}): {m.Groups["level"].Value} {m.Groups["id"].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
}
