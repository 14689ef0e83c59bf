using InfraLint.Sdk;

namespace Hostile.Rules;

/// <summary>Throws <see cref="OperationCanceledException"/> on a template whose file name contains <c>cancel</c>, as a rule
/// that runs out of its own timeout would.</summary>
public sealed class CancelingRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new("HOSTILE0003", "Throws OperationCanceledException", "Never reported", RuleCategory.Other, Severity.Warning);

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (Path.GetFileName(template.FilePath).Contains("cancel", StringComparison.Ordinal))
            throw new OperationCanceledException("the rule gave up");
    }
}
