using System.Text.RegularExpressions;
using InfraLint.Reporting.Output;
using InfraLint.Sdk;
using Microsoft.CodeAnalysis.Sarif;

namespace InfraLint.Reporting.Sarif;

/// <summary>Rule metadata as SARIF <c>reportingDescriptor</c>s.</summary>
internal static class SarifRules
{
    public static ReportingDescriptor Describe(RuleDescriptor rule)
    {
        var descriptor = new ReportingDescriptor
        {
            Id = rule.Id,
            Name = PascalCase(rule.Title),
            ShortDescription = new MultiformatMessageString { Text = rule.Title },
            FullDescription = rule.Description is { } description ? new MultiformatMessageString { Text = description } : null,
            HelpUri = OutputText.WebLink(rule.HelpLink) is { } help ? new Uri(help, UriKind.Absolute) : null,
            DefaultConfiguration = new ReportingConfiguration { Level = SarifLevels.Of(rule.DefaultSeverity) },
        };
        descriptor.SetProperty("category", rule.Category.ToString());
        // Code-scanning services file results tagged "security" under security alerts; InfraLint's own
        // diagnostics (unreadable templates, a missing compiler) and packs' own conventions are not security findings.
        if (rule.Category is not (RuleCategory.Tooling or RuleCategory.Other))
            descriptor.Tags.Add("security");
        descriptor.Tags.Add(rule.Category.ToString().ToLowerInvariant());
        return descriptor;
    }

    /// <summary>SARIF's <c>name</c> is an identifier-like form of the title: "Compute resource has no managed identity" → ComputeResourceHasNoManagedIdentity.</summary>
    public static string PascalCase(string title) =>
        string.Concat(Regex.Split(title, @"[^\p{L}\p{Nd}]+")
            .Where(word => word.Length > 0)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
