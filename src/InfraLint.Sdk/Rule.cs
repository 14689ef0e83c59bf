namespace InfraLint.Sdk;

/// <summary>
/// A rule reads one <see cref="TemplateModel"/> and reports findings. It does no I/O, keeps no
/// state between templates and must be safe to run on several templates at once.
/// </summary>
/// <remarks>
/// Declare the metadata once, as a static field named <c>Descriptor</c>, and return it from <see cref="Describe"/>:
/// <code>
/// public static readonly RuleDescriptor Descriptor = new(Id: "CONTOSO0001", …);
/// public override RuleDescriptor Describe => Descriptor;
/// </code>
/// </remarks>
public abstract class Rule
{
    /// <summary>The rule's metadata (return its static <c>Descriptor</c> field).</summary>
    public abstract RuleDescriptor Describe { get; }

    /// <summary>Reports the findings of this rule in <paramref name="template"/>.</summary>
    public abstract void Analyze(TemplateModel template, FindingSink report);
}
