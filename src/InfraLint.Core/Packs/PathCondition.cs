using System.Text.RegularExpressions;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Packs;

/// <summary>The operators of a path condition, as the pack file names them.</summary>
internal enum PathOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    Regex,
    Greater,
    Less,
}

/// <summary>
/// <c>{ "path": "sku.name", "equals": "Free" }</c>. Over a path with <c>[*]</c> the condition must hold for every
/// value reached (the first that does not decides). A missing property equals nothing and is in no list.
/// Strings compare case-insensitively, as ARM compares names, locations and SKUs; <c>regex</c> is case-sensitive
/// unless the pattern says <c>(?i)</c>.
/// </summary>
internal sealed class PathCondition(PropertyPath path, PathOperator op, JToken operand, Regex? regex) : Condition
{
    public override IEnumerable<PropertyPath> Paths => [path];

    public override Outcome Evaluate(TemplateModel template, ResourceModel resource)
    {
        var hits = path.Select(template, resource).ToList();
        if (op == PathOperator.Exists)
            return Exists(template, hits);
        Outcome? unknown = null;
        foreach (var hit in hits)
        {
            var truth = Test(template, hit);
            if (truth == Truth.False)
                return new Outcome(Truth.False, hit);
            if (truth == Truth.Unknown)
                unknown ??= new Outcome(Truth.Unknown, hit);
        }
        // No value reached through [*] (an empty array): nothing breaks the condition.
        return unknown ?? new Outcome(Truth.True, hits.FirstOrDefault(h => h.Kind == PathHitKind.Present));
    }

    // exists: true holds when one value is there; a value InfraLint cannot evaluate is still there.
    private Outcome Exists(TemplateModel template, List<PathHit> hits)
    {
        var present = hits.FirstOrDefault(h => h.Kind == PathHitKind.Present && !IsKnownNull(template, h.Token!));
        Outcome outcome;
        if (present is not null)
            outcome = new Outcome(Truth.True, present);
        else if (hits.FirstOrDefault(h => h.Kind == PathHitKind.Unknown) is { } unknown)
            outcome = new Outcome(Truth.Unknown, unknown);
        else
            outcome = new Outcome(Truth.False, hits.FirstOrDefault() ?? PathHit.Missing(path.Text));
        return operand.Type == JTokenType.Boolean && !(bool)operand ? outcome.Negate() : outcome;
    }

    private static bool IsKnownNull(TemplateModel template, JToken token) =>
        token.Type == JTokenType.Null || template.Evaluate(token) is { IsKnown: true, Value.Type: JTokenType.Null };

    private Truth Test(TemplateModel template, PathHit hit)
    {
        if (hit.Kind == PathHitKind.Unknown)
            return Truth.Unknown;
        if (hit.Kind == PathHitKind.Missing)
            return op is PathOperator.NotEquals or PathOperator.NotIn ? Truth.True : Truth.False;
        var value = template.Evaluate(hit.Token);
        if (!value.IsKnown)
            return Truth.Unknown;
        var actual = value.Value!;
        var holds = op switch
        {
            PathOperator.Equals => JsonValues.AreEqual(actual, operand),
            PathOperator.NotEquals => !JsonValues.AreEqual(actual, operand),
            PathOperator.In => operand.Children().Any(o => JsonValues.AreEqual(actual, o)),
            PathOperator.NotIn => !operand.Children().Any(o => JsonValues.AreEqual(actual, o)),
            PathOperator.Regex => actual.Type == JTokenType.String && regex!.IsMatch((string)actual!),
            PathOperator.Greater => JsonValues.Compare(actual, operand) is > 0,
            PathOperator.Less => JsonValues.Compare(actual, operand) is < 0,
            _ => throw new InvalidOperationException(op.ToString()),
        };
        return holds ? Truth.True : Truth.False;
    }
}
