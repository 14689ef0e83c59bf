namespace InfraLint.Sdk;

/// <summary>
/// A rule reads one <see cref="TemplateModel"/> and reports findings. It does no I/O, keeps no
/// state between templates and must be safe to run on several templates at once.
/// </summary>
public abstract class Rule
{
    /// <summary>The rule's metadata (return a static field).</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Reports the findings of this rule in <paramref name="template"/>.</summary>
    public abstract void Analyze(TemplateModel template, FindingSink report);
}
