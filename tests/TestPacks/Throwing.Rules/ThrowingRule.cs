using InfraLint.Sdk;

namespace Throwing.Rules;

/// <summary>Fails on every template, as a buggy pack rule would.</summary>
public sealed class ThrowingRule : Rule
{
    public static readonly RuleDescriptor Descriptor = new("TEST0001", "Throws", "Never reported", RuleCategory.Other, Severity.Warning);

    public override RuleDescriptor Describe => Descriptor;

    public override void Analyze(TemplateModel template, FindingSink report) =>
        throw new InvalidOperationException("the pack's rule is broken");
}
