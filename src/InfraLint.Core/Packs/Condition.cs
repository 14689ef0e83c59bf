using InfraLint.Sdk;

namespace InfraLint.Core.Packs;

/// <summary>A condition of a declarative rule over one resource's JSON.</summary>
internal abstract class Condition
{
    public abstract Outcome Evaluate(TemplateModel template, ResourceModel resource);

    /// <summary>The paths the condition reads, for deciding whether a reported value is secret-shaped.</summary>
    public abstract IEnumerable<PropertyPath> Paths { get; }
}

/// <summary>
/// <c>allOf</c> (decided by the first false condition) and <c>anyOf</c> (decided by the first true one): unknown when
/// no condition decides and one is unknown; otherwise every condition agrees and the first stands for them.
/// </summary>
internal sealed class CombinedCondition(IReadOnlyList<Condition> conditions, Truth decisive) : Condition
{
    public static CombinedCondition AllOf(IReadOnlyList<Condition> conditions) => new(conditions, Truth.False);

    public static CombinedCondition AnyOf(IReadOnlyList<Condition> conditions) => new(conditions, Truth.True);

    public override Outcome Evaluate(TemplateModel template, ResourceModel resource)
    {
        var outcomes = conditions.Select(c => c.Evaluate(template, resource)).ToList();
        return outcomes.FirstOrDefault(o => o.Truth == decisive)
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
