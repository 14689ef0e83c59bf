using InfraLint.Sdk;

namespace InfraLint.Core.Packs;

/// <summary>A condition of a declarative rule over one resource's JSON.</summary>
internal abstract class Condition
{
    public abstract Outcome Evaluate(TemplateModel template, ResourceModel resource);

    /// <summary>The paths the condition reads, for deciding whether a reported value is secret-shaped.</summary>
    public abstract IEnumerable<PropertyPath> Paths { get; }
}

/// <summary><c>allOf</c>: false as soon as one condition is false (that one decides), unknown when one is unknown, else true.</summary>
internal sealed class AllOfCondition(IReadOnlyList<Condition> conditions) : Condition
{
    public override Outcome Evaluate(TemplateModel template, ResourceModel resource)
    {
        var outcomes = conditions.Select(c => c.Evaluate(template, resource)).ToList();
        return outcomes.FirstOrDefault(o => o.Truth == Truth.False)
            ?? outcomes.FirstOrDefault(o => o.Truth == Truth.Unknown)
            ?? outcomes[0];
    }

    public override IEnumerable<PropertyPath> Paths => conditions.SelectMany(c => c.Paths);
}

/// <summary><c>anyOf</c>: true as soon as one condition is true (that one decides), unknown when one is unknown, else false.</summary>
internal sealed class AnyOfCondition(IReadOnlyList<Condition> conditions) : Condition
{
    public override Outcome Evaluate(TemplateModel template, ResourceModel resource)
    {
        var outcomes = conditions.Select(c => c.Evaluate(template, resource)).ToList();
        return outcomes.FirstOrDefault(o => o.Truth == Truth.True)
            ?? outcomes.FirstOrDefault(o => o.Truth == Truth.Unknown)
            ?? outcomes[0];
    }

    public override IEnumerable<PropertyPath> Paths => conditions.SelectMany(c => c.Paths);
}

/// <summary><c>not</c>: swaps true and false; unknown stays unknown.</summary>
internal sealed class NotCondition(Condition inner) : Condition
{
    public override Outcome Evaluate(TemplateModel template, ResourceModel resource) => inner.Evaluate(template, resource).Negate();

    public override IEnumerable<PropertyPath> Paths => inner.Paths;
}
