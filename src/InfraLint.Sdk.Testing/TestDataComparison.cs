using System.Text;

namespace InfraLint.Sdk.Testing;

/// <summary>Compares the findings of one testdata file with its inline expectations.</summary>
public static class TestDataComparison
{
    /// <summary>
    /// Compares the findings of analysing <paramref name="path"/> with its own expectations, and with the
    /// <c>// expect via &lt;file name&gt;:</c> expectations of the Bicep files beside or below it (its modules, the ARM templates it links to,
    /// template of a .bicepparam), and with the markers of the files it loads (<c>loadTextContent</c>). Null when
    /// everything matches; otherwise every difference.
    /// </summary>
    public static string? CompareWithDependents(string path, IReadOnlyList<Finding> findings, string? displayName = null)
    {
        var report = new StringBuilder();
        report.Append(Compare(path, ExpectationReader.Read(path).Where(e => e.Via is null).ToList(), findings, displayName));
        var name = Path.GetFileName(path);
        // Bicep modules, and ARM JSON templates linked by relativePath (those with a .expect sidecar).
        var dependents = Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.bicep", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.json", SearchOption.AllDirectories).Where(f => File.Exists(f + ".expect")))
            .Where(f => f != path && ExpectationReader.Read(f).Any(e => e.Via == name))
            .Order(StringComparer.Ordinal);
        foreach (var other in dependents)
        {
            var expected = ExpectationReader.Read(other).Where(e => (e.Via is null && !e.Alone) || e.Via == name).ToList();
            report.Append(Compare(other, expected, findings, $"{Path.GetFileName(other)} via {displayName ?? name}"));
        }
        // Findings inside a file the template loads (a policy XML) are reported in that file, with its own markers.
        foreach (var loaded in ExpectationReader.LoadedFiles(path).Where(File.Exists))
            report.Append(Compare(loaded, ExpectationReader.Read(loaded), findings, $"{Path.GetFileName(loaded)} loaded by {displayName ?? name}"));
        return report.Length == 0 ? null : report.ToString();
    }

    /// <summary>
    /// Null when <paramref name="findings"/> (those located in <paramref name="path"/>) are exactly what the file
    /// expects; otherwise a report of the missing and unexpected findings with the numbered template.
    /// </summary>
    public static string? Compare(string path, IReadOnlyList<Expectation> expected, IEnumerable<Finding> findings, string? displayName = null)
    {
        var actual = findings
            .Where(f => f.Location?.FilePath == path)
            .Select(f => (f.Id, f.Location!.Line, f.Location.Column, f.Message))
            .ToList();
        var missing = expected.Where(e => !actual.Any(a => e.Matches(a.Id, a.Line, a.Column))).ToList();
        var unexpected = actual.Where(a => !expected.Any(e => e.Matches(a.Id, a.Line, a.Column))).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
            return null;

        var report = new StringBuilder();
        report.AppendLine($"{displayName ?? path}: findings differ from the expectations.");
        foreach (var m in missing)
            report.AppendLine($"  missing:    {m}");
        foreach (var u in unexpected)
            report.AppendLine($"  unexpected: {u.Id} at {u.Line},{u.Column}: {u.Message}");
        report.AppendLine("template:");
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
            report.AppendLine($"{i + 1,4}: {lines[i]}");
        return report.ToString();
    }
}
