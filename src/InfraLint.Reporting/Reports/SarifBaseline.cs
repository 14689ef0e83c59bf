using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Sarif;
using InfraLint.Sdk;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using CoreBaselineState = InfraLint.Reporting.Reports.BaselineState;
using SarifBaselineState = Microsoft.CodeAnalysis.Sarif.BaselineState;

namespace InfraLint.Reporting.Reports;

/// <summary>
/// The findings a team has accepted for now: a SARIF log written by <c>infralint baseline create</c> (or any
/// InfraLint SARIF). Findings are matched by their <see cref="FindingFingerprint"/>, never by line, so moving
/// code keeps them baselined; a fingerprint that occurs n times in the baseline covers n findings.
/// </summary>
public sealed class SarifBaseline
{
    private readonly IReadOnlyList<Result> results;

    private SarifBaseline(IReadOnlyList<Result> results) => this.results = results;

    /// <summary>How many findings the baseline holds (InfraLint's own diagnostics not counted).</summary>
    public int Count => results.Count;

    /// <exception cref="InvalidDataException">The file cannot be read, or is not an InfraLint SARIF log with
    /// <c>infralint/v1</c> fingerprints; the message says which, for the user.</exception>
    public static SarifBaseline Load(string path)
    {
        string text;
        try
        {
            text = RegularFile.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"baseline '{path}' cannot be read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <exception cref="InvalidDataException">The text is not an InfraLint SARIF log with <c>infralint/v1</c> fingerprints.</exception>
    public static SarifBaseline Parse(string json, string origin)
    {
        SarifLog log;
        try
        {
            log = SarifJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"baseline '{origin}' is not a SARIF log: {e.Message}", e);
        }
        if (log.Version != SarifVersion.Current || log.Runs is null)
            throw new InvalidDataException($"baseline '{origin}' is not a SARIF 2.1.0 log");
        var runs = log.Runs.Where(r => r.Tool?.Driver?.Name == InfraLintTool.Name).ToList();
        if (runs.Count == 0)
            throw new InvalidDataException($"baseline '{origin}' holds no {InfraLintTool.Name} run");
        // Results marked absent were already gone when that log was written, and InfraLint's own diagnostics
        // describe a run rather than the code: neither baselines anything, nor can it become absent.
        var results = runs
            .SelectMany(run => (run.Results ?? []).Where(r => r.BaselineState != SarifBaselineState.Absent && !IsTooling(run, r)))
            .ToList();
        if (results.Any(r => Fingerprint(r) is null))
        {
            throw new InvalidDataException(
                $"baseline '{origin}' has results without a '{FindingFingerprint.Key}' fingerprint; create it again with `infralint baseline create`");
        }
        return new SarifBaseline(results);
    }

    /// <summary>Marks each finding new or unchanged. InfraLint's own diagnostics (an unreadable template, a missing
    /// compiler) are always new: a baseline must not hide that files went unanalysed.</summary>
    public Report Apply(Report report)
    {
        var remaining = CountByFingerprint(results.Select(Fingerprint));
        var marked = report.Findings.Select(f =>
        {
            var baselined = f.Finding.Descriptor.Category != RuleCategory.Tooling
                && remaining.TryGetValue(f.Fingerprint, out var left) && left > 0;
            if (baselined)
                remaining[f.Fingerprint]--;
            return f with { BaselineState = baselined ? CoreBaselineState.Unchanged : CoreBaselineState.New };
        }).ToList();
        return report with { Findings = marked };
    }

    /// <summary>The baseline's results that no finding of <paramref name="report"/> matched, marked absent,
    /// in the baseline's order.</summary>
    internal IReadOnlyList<Result> AbsentFrom(Report report)
    {
        var matched = CountByFingerprint(report.Findings.Where(f => f.BaselineState == CoreBaselineState.Unchanged).Select(f => f.Fingerprint));
        var absent = new List<Result>();
        foreach (var result in results)
        {
            var fingerprint = Fingerprint(result)!;
            if (matched.TryGetValue(fingerprint, out var count) && count > 0)
            {
                matched[fingerprint]--;
                continue;
            }
            var copy = result.DeepClone();
            copy.BaselineState = SarifBaselineState.Absent;
            absent.Add(copy);
        }
        return absent;
    }

    private static bool IsTooling(Run run, Result result) =>
        run.Tool.Driver.Rules?.FirstOrDefault(rule => rule.Id == result.RuleId) is { } rule
        && rule.TryGetProperty("category", out var category) && category == nameof(RuleCategory.Tooling);

    private static string? Fingerprint(Result result) =>
        result.PartialFingerprints?.TryGetValue(FindingFingerprint.Key, out var value) == true ? value : null;

    private static Dictionary<string, int> CountByFingerprint(IEnumerable<string?> fingerprints) =>
        fingerprints.OfType<string>().GroupBy(f => f, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
