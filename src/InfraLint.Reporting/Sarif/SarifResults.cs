using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using Microsoft.CodeAnalysis.Sarif;
using CoreBaselineState = InfraLint.Reporting.Reports.BaselineState;
using SarifBaselineState = Microsoft.CodeAnalysis.Sarif.BaselineState;

namespace InfraLint.Reporting.Sarif;

/// <summary>Findings as SARIF <c>result</c>s. Messages are the findings' own, which never hold a secret value;
/// no snippet of the source is copied, because the offending line is where the secret is.</summary>
internal static class SarifResults
{
    /// <param name="extensionIndex">For a rule pack's rule: the pack's index in <c>tool.extensions</c>, which
    /// <paramref name="ruleIndex"/> then points into.</param>
    public static Result Of(ReportedFinding reported, int ruleIndex, SourceRoot root, int? extensionIndex = null)
    {
        var finding = reported.Finding;
        var result = new Result
        {
            RuleId = finding.Id,
            RuleIndex = ruleIndex,
            Level = SarifLevels.Of(finding.Severity),
            Message = new Message { Text = finding.Message },
            PartialFingerprints = new Dictionary<string, string> { [FindingFingerprint.Key] = reported.Fingerprint },
            BaselineState = reported.BaselineState switch
            {
                CoreBaselineState.New => SarifBaselineState.New,
                CoreBaselineState.Unchanged => SarifBaselineState.Unchanged,
                _ => SarifBaselineState.None,
            },
        };
        if (extensionIndex is { } extension)
        {
            // No rule.id: the SARIF SDK then leaves out ruleId, which code-scanning services read.
            result.Rule = new ReportingDescriptorReference
            {
                Index = ruleIndex,
                ToolComponent = new ToolComponentReference { Index = extension },
            };
        }
        if (finding.Location is { } location)
        {
            var (uri, baseId) = ArtifactUris.For(location.FilePath, root);
            result.Locations =
            [
                new Location
                {
                    PhysicalLocation = new PhysicalLocation
                    {
                        ArtifactLocation = new ArtifactLocation { Uri = uri, UriBaseId = baseId },
                        Region = location.EndColumn > location.Column
                            ? new Region { StartLine = location.Line, StartColumn = location.Column, EndLine = location.Line, EndColumn = location.EndColumn }
                            : new Region { StartLine = location.Line, StartColumn = location.Column },
                    },
                    LogicalLocations = finding.ResourceName is { } name ? [Resource(name, finding.ResourceType)] : null,
                },
            ];
        }
        if (finding.Suppression is { } suppression)
        {
            var sarifSuppression = new Suppression { Kind = suppression.Kind == Sdk.SuppressionKind.InSource ? SuppressionKind.InSource : SuppressionKind.External };
            if (suppression.Justification is { } why)
                sarifSuppression.Justification = why;
            result.Suppressions = [sarifSuppression];
        }
        return result;
    }

    private static LogicalLocation Resource(string name, string? type)
    {
        var resource = new LogicalLocation { Name = name, Kind = "resource" };
        if (type is not null)
            resource.SetProperty("resourceType", type);
        return resource;
    }
}
