using InfraLint.Sdk;

namespace Hostile.Rules;

/// <summary>Never returns on a template whose file name contains <c>loop</c>.</summary>
public sealed class LoopingRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new("HOSTILE0002", "Never returns", "Never reported", RuleCategory.Other, Severity.Warning);

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (!Path.GetFileName(template.FilePath).Contains("loop", StringComparison.Ordinal))
            return;
        while (true)
            Thread.SpinWait(1000);
    }
}
