using System.Text.RegularExpressions;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// Suppressions written in Bicep on the line before a finding: the compiler's own directive
/// <c>#disable-next-line INFRA1001 // reason</c> and <c>// infralint-disable-next-line INFRA1001: reason</c>.
/// Bicep linter codes in the same directive are left to the compiler.
/// </summary>
internal sealed partial class InlineSuppressions(IReadOnlySet<string> knownIds)
{
    private readonly Dictionary<string, IReadOnlyList<Directive>> byFile = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*#disable-next-line\s+(?<ids>[^/]*?)\s*(?://\s*(?<why>.*?))?\s*$")]
    private static partial Regex BicepDirective();

    [GeneratedRegex(@"//\s*infralint-disable-next-line\s+(?<ids>[A-Za-z0-9_, ]+?)\s*(?::\s*(?<why>.*?))?\s*$")]
    private static partial Regex InfraLintDirective();

    /// <summary>One directive: the ids it names that InfraLint knows, on a 1-based line.</summary>
    internal sealed class Directive(string file, int line, int column, IReadOnlyList<string> ids, string? justification)
    {
        public string File { get; } = file;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public IReadOnlyList<string> Ids { get; } = ids;
        public string? Justification { get; } = justification;
        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    public Suppression? For(Finding finding)
    {
        if (finding.Location is not { Line: > 1 } location || !location.FilePath.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
            return null;
        var directive = DirectivesOf(location.FilePath).FirstOrDefault(d => d.Line == location.Line - 1 && d.Ids.Contains(finding.Id, StringComparer.OrdinalIgnoreCase));
        if (directive is null)
            return null;
        directive.Used.Add(finding.Id);
        return new Suppression(SuppressionKind.InSource, directive.Justification);
    }

    /// <summary>Directives of the files analysed, to report those without a reason or that suppressed nothing.</summary>
    public IEnumerable<Directive> All(IEnumerable<string> files) =>
        files.Where(f => f.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).SelectMany(DirectivesOf);

    private IReadOnlyList<Directive> DirectivesOf(string file)
    {
        if (byFile.TryGetValue(file, out var directives))
            return directives;
        var found = new List<Directive>();
        try
        {
            var lines = RegularFile.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = BicepDirective().Match(lines[i]);
                if (!match.Success)
                    match = InfraLintDirective().Match(lines[i]);
                if (!match.Success)
                    continue;
                var ids = match.Groups["ids"].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries)
                    .Where(knownIds.Contains).ToList();
                if (ids.Count == 0)
                    continue; // only Bicep linter codes: the compiler's business
                var why = match.Groups["why"].Success && match.Groups["why"].Value.Trim().Length > 0 ? match.Groups["why"].Value.Trim() : null;
                found.Add(new Directive(file, i + 1, lines[i].Length - lines[i].TrimStart().Length + 1, ids, why));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read has no directives; its INFRA0001 says why.
        }
        byFile[file] = found;
        return found;
    }
}
