using System.Text.RegularExpressions;
using InfraLint.Core.Engine;
using InfraLint.Reporting.Writers;
using InfraLint.Sdk.Testing;
using InfraLint.Tests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// No output of InfraLint carries a secret it read: every report format, the MSBuild log, SARIF and findings
/// cache, and the CLI's standard output and error, over testdata full of secret values.
/// </summary>
[TestClass]
public sealed partial class SecretsNeverLeakTests
{
    private static readonly string[] SecretRules = ["INFRA1001", "INFRA1003", "INFRA1004"];

    [TestMethod]
    public void No_output_contains_a_secret_value_from_the_inputs()
    {
        using var workspace = new TempDirectory();
        workspace.CopyDirectory(TestEnvironment.TestData("secrets"), "secrets");
        foreach (var rule in SecretRules)
            workspace.CopyDirectory(TestEnvironment.TestData("rules", rule), Path.Combine("rules", rule));
        var secrets = Secrets(workspace.Path);
        var files = InputDiscovery.Expand([workspace.Path], out _);

        var outputs = Surfaces.Reports(workspace.Path, files);
        foreach (var (name, output) in Surfaces.MSBuild(workspace.Path, files.Select(f => f.Path).ToList()))
            outputs[name] = output;
        foreach (var (name, output) in Surfaces.Cli(workspace.Path, "text", "."))
            outputs[name] = output;

        // The run did reach the places a secret could leak from: findings on the secrets, a pack's {value},
        // compile errors next to secrets, a parameters file's values, a broken JSON file.
        var text = outputs["text"];
        foreach (var expected in new[] { "INFRA1001", "INFRA1003", "INFRA1004", "INFRA5004", "ECHO0001", "ECHO0002", "ECHO0003", "ECHO0004", "ECHO0005",
                     "type-error.bicep(2,18): error INFRA0001", "syntax-error.bicep(2,14): error INFRA0001", "broken.json(6,13): error INFRA0001" })
            StringAssert.Contains(text, expected);
        var leaks = (from output in outputs
                     from secret in secrets
                     from form in Forms(secret)
                     where output.Value.Contains(form, StringComparison.Ordinal)
                     select $"{output.Key}: {secret}").Distinct().ToList();
        Assert.AreEqual(0, leaks.Count, $"{secrets.Count} secret values, {outputs.Count} outputs; leaked:\n{string.Join("\n", leaks)}\n\n{text}");
    }

    /// <summary>The secret values: every line of testdata/secrets/secrets.txt (each must be in a fixture file), and
    /// the values the INFRA1001/1003/1004 testdata marks as findings.</summary>
    private static List<string> Secrets(string workspace)
    {
        var fixture = Directory.EnumerateFiles(Path.Combine(workspace, "secrets")).Where(f => !f.EndsWith("secrets.txt", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var listed = File.ReadAllLines(Path.Combine(workspace, "secrets", "secrets.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var secret in listed)
            Assert.IsTrue(fixture.Any(f => f.Contains(secret, StringComparison.Ordinal)), $"secrets.txt lists '{secret}', which no fixture file holds");
        var marked = Directory.EnumerateFiles(Path.Combine(workspace, "rules"), "*", SearchOption.AllDirectories)
            .SelectMany(f => f.EndsWith(".expect", StringComparison.Ordinal) ? FromSidecar(f) : f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal) ? FromBicep(f) : []);
        var secrets = listed.Concat(marked).Where(s => s.Length >= 8).Distinct(StringComparer.Ordinal).ToList();
        Assert.IsTrue(secrets.Count > 40, $"only {secrets.Count} secret values found");
        return secrets;
    }

    // A marked Bicep line's last string literal that is not a 'name:' is the value (names are reported);
    // a marked multi-line string gives each of its lines.
    private static IEnumerable<string> FromBicep(string path)
    {
        var lines = File.ReadAllLines(path);
        foreach (var line in ExpectationReader.Read(path).Where(e => SecretRules.Contains(e.Id)).Select(e => e.Line - 1).Distinct())
        {
            if (lines[line].TrimEnd().EndsWith("'''", StringComparison.Ordinal))
            {
                for (var j = line + 1; j < lines.Length && !lines[j].Contains("'''", StringComparison.Ordinal); j++)
                    yield return lines[j].Trim();
                continue;
            }
            var literals = Literal().Matches(lines[line])
                .Where(m => !NamePrefix().IsMatch(lines[line][..m.Index]))
                .Select(m => m.Groups[1].Value).Where(v => !v.Contains("${", StringComparison.Ordinal)).ToList();
            if (literals.Count > 0)
                yield return literals[^1];
        }
    }

    // A sidecar's pointer names a setting's 'name' (the value is beside it) or the value itself.
    private static IEnumerable<string> FromSidecar(string path)
    {
        var template = JToken.Parse(File.ReadAllText(path[..^".expect".Length]));
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !SecretRules.Contains(parts[0]))
                continue;
            var segments = parts[1].TrimStart('/').Split('/');
            var token = segments.Aggregate((JToken?)template, (t, s) => t is JArray a && int.TryParse(s, out var n) ? a.ElementAtOrDefault(n) : t?[s]);
            if (segments[^1] == "name")
                token = token?.Parent?.Parent?["value"];
            if (token?.Type == JTokenType.String && (string?)token is { } value && !value.StartsWith('['))
                yield return value;
        }
    }

    // A value as each format could write it: raw, JSON-escaped, GitHub-escaped.
    private static IEnumerable<string> Forms(string secret) =>
        new[] { secret, JsonConvert.ToString(secret)[1..^1], GitHubReportWriter.EscapeData(secret) }.Distinct();

    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\bname\s*:\s*$")]
    private static partial Regex NamePrefix();
}
