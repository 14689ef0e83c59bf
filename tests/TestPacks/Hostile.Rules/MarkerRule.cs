using InfraLint.Sdk;

namespace Hostile.Rules;

/// <summary>Runs code as a pull request's pack could: it writes <c>pack-ran.marker</c> beside every template it sees.</summary>
public sealed class MarkerRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new("HOSTILE0001", "Writes a marker", "The pack ran on '{0}'", RuleCategory.Other, Severity.Warning);

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report) =>
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(template.FilePath)!, "pack-ran.marker"), "ran");
}
