using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Writers;
using InfraLint.Sdk;
using Microsoft.CodeAnalysis.Sarif;

namespace InfraLint.Reporting.Sarif;

/// <summary>
/// Writes a run as a SARIF 2.1.0 log: every rule of the catalogue (sorted by id, so the rule indexes are
/// stable), every finding including silent, baselined and suppressed ones, repo-relative locations and
/// <see cref="FindingFingerprint"/>s. No timestamps, GUIDs or absolute paths: identical input gives identical bytes.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    private readonly IReadOnlyList<RuleDescriptor> catalogue;
    private readonly SarifBaseline? baseline;

    /// <param name="baseline">The baseline the report was compared with (<see cref="SarifBaseline.Apply"/>): its
    /// results that no finding matched are added with <c>baselineState</c> absent.</param>
    /// <param name="catalogue">Rules to describe beyond the report's own (<see cref="Report.ToolRules"/>), for a report built by hand.</param>
    public SarifReportWriter(SarifBaseline? baseline = null, IEnumerable<RuleDescriptor>? catalogue = null)
    {
        this.catalogue = catalogue?.ToList() ?? [];
        this.baseline = baseline;
    }

    /// <summary>The version in <c>tool.driver</c>; tests pin it so golden files do not change with every release.</summary>
    public string ToolVersion { get; init; } = InfraLintTool.Version;

    public string Write(Report report)
    {
        var log = Build(report);
        if (report.Shard is { } shard)
        {
            log.Runs[0].SetProperty(ShardCoverage.SarifProperty, new Newtonsoft.Json.Linq.JObject
            {
                ["index"] = shard.Index,
                ["count"] = shard.Count,
                ["inputFiles"] = shard.InputFiles,
                ["totalInputFiles"] = shard.TotalInputFiles,
                ["inputs"] = shard.Inputs,
                ["configurationFiles"] = new Newtonsoft.Json.Linq.JArray(shard.ConfigurationFiles.Select(report.Root.Display).Distinct(StringComparer.Ordinal)),
            });
        }
        return SarifJson.Serialize(log);
    }

    private static ToolComponent Extension(Core.Packs.RulePack pack) => new()
    {
        Name = pack.Name,
        Version = pack.Version,
        InformationUri = pack.InformationUri is { } uri ? new Uri(uri, UriKind.Absolute) : null,
        Rules = pack.Descriptors.Select(SarifRules.Describe).ToList(),
    };

    internal SarifLog Build(Report report)
    {
        // Each rule pack is a tool extension with its own rules, in a fixed order; results of its rules point into it.
        var packs = report.RulePacks.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal).ToList();
        var packRules = packs.Select((pack, index) => (pack, index))
            .SelectMany(p => p.pack.Descriptors.Select((rule, ruleIndex) => (rule.Id, Extension: p.index, Index: ruleIndex)))
            .DistinctBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(r => r.Id, r => (r.Extension, r.Index), StringComparer.Ordinal);
        // A finding from a rule outside the run's catalogue (a test's own rule) still gets its metadata.
        var rules = report.ToolRules.Concat(catalogue).Concat(report.Findings.Select(f => f.Finding.Descriptor))
            .Where(r => !packRules.ContainsKey(r.Id))
            .DistinctBy(r => r.Id, StringComparer.Ordinal)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);

        var results = report.Findings
            .OrderBy(f => f.Finding.Location is { } l ? report.Root.Display(l.FilePath) : string.Empty, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Location?.Line ?? 0)
            .ThenBy(f => f.Finding.Location?.Column ?? 0)
            .ThenBy(f => f.Finding.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Message, StringComparer.Ordinal)
            .Select(f => packRules.TryGetValue(f.Finding.Id, out var packRule)
                ? SarifResults.Of(f, packRule.Index, report.Root, packRule.Extension)
                : SarifResults.Of(f, ruleIndex[f.Finding.Id], report.Root))
            .ToList();
        foreach (var absent in baseline?.AbsentFrom(report) ?? [])
        {
            // Indexes in the baseline point into its own rule list; a rule that no longer exists gets none.
            absent.RuleIndex = absent.RuleId is { } id && ruleIndex.TryGetValue(id, out var index) ? index : -1;
            absent.Rule = null;
            results.Add(absent);
        }

        return new SarifLog
        {
            Runs =
            [
                new Run
                {
                    Tool = new Tool
                    {
                        Driver = new ToolComponent
                        {
                            Name = InfraLintTool.Name,
                            Version = ToolVersion,
                            InformationUri = new Uri(InfraLintTool.InformationUri, UriKind.Absolute),
                            Rules = rules.Select(SarifRules.Describe).ToList(),
                        },
                        Extensions = packs.Count == 0 ? null : packs.Select(Extension).ToList(),
                    },
                    // The root is named but not given: its absolute path differs on every machine. Code-scanning
                    // services resolve %SRCROOT%-relative URIs against the repository they analyse.
                    OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
                    {
                        [ArtifactUris.SourceRootId] = new()
                        {
                            Description = new Message { Text = "The repository root: the nearest directory containing .git at or above where the analysis ran, else that directory." },
                        },
                    },
                    Results = results,
                    ColumnKind = ColumnKind.Utf16CodeUnits,
                },
            ],
        };
    }
}
