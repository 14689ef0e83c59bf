using InfraLint.Sdk;

namespace Hostile.Rules;

/// <summary>Never returns on a template whose file name contains <c>loop</c>.</summary>
public sealed class LoopingRule : Rule
{
    public static readonly RuleDescriptor Rule = new("HOSTILE0002", "Never returns", "Never reported", RuleCategory.Other, Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(TemplateModel template, FindingSink report)
    {
        if (!Path.GetFileName(template.FilePath).Contains("loop", StringComparison.Ordinal))
            return;
        while (true)
            Thread.SpinWait(1000);
    }
}
