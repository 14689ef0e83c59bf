using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

// map, filter, reduce and toObject over known arrays: Bicep compiles `for` expressions over variables and
// AVM's `map(items, item => …)` settings to these, so a setting built by one is known when its array is.
internal sealed partial class ArmEvaluator
{
    // More items than a template deploys; beyond this a lambda's result stays unknown.
    private const int MaxLambdaItems = 1000;

    // Lambda calls one evaluator may make in all: nested lambdas over ranges multiply, and a template from a
    // pull request must not make evaluation hang. Past it, lambdas are unknown.
    private const int MaxLambdaCalls = 100_000;

    private readonly Dictionary<string, JToken> lambdaScope = new(StringComparer.Ordinal);
    private int lambdaCalls;

    private JToken? Lambda(string name, ArmCall call, Trace trace)
    {
        if (Eval(call.Arguments[0], trace) is not JArray items || items.Count > MaxLambdaItems)
        {
            foreach (var argument in call.Arguments.Skip(1).Where(a => a is not ArmCall { Name: var n } || !IsLambda(n)))
                Eval(argument, trace);
            return null;
        }
        switch (name)
        {
            case "map" when call.Arguments is [_, ArmCall map] && LambdaOf(map, 1) is { } lambda:
            {
                var result = new JArray();
                for (var i = 0; i < items.Count; i++)
                {
                    if (Apply(lambda, trace, items[i], new JValue(i)) is not { } mapped)
                        return null;
                    result.Add(mapped);
                }
                return result;
            }
            case "filter" when call.Arguments is [_, ArmCall predicate] && LambdaOf(predicate, 1) is { } lambda:
            {
                var result = new JArray();
                for (var i = 0; i < items.Count; i++)
                {
                    if (Apply(lambda, trace, items[i], new JValue(i)) is not JValue { Type: JTokenType.Boolean } keep)
                        return null;
                    if ((bool)keep!)
                        result.Add(items[i].DeepClone());
                }
                return result;
            }
            case "reduce" when call.Arguments is [_, var initial, ArmCall reducer] && LambdaOf(reducer, 2) is { } lambda:
            {
                var accumulated = Eval(initial, trace);
                for (var i = 0; i < items.Count && accumulated is not null; i++)
                    accumulated = Apply(lambda, trace, accumulated, items[i], new JValue(i));
                return accumulated;
            }
            case "toobject" when call.Arguments is [_, ArmCall keyCall, ..] && LambdaOf(keyCall, 1) is { } keyLambda:
            {
                var valueLambda = call.Arguments is [_, _, ArmCall valueCall] ? LambdaOf(valueCall, 1) : null;
                if (call.Arguments.Count == 3 && valueLambda is null)
                    return null;
                var result = new JObject();
                foreach (var item in items)
                {
                    if (Apply(keyLambda, trace, item) is not JValue { Type: JTokenType.String } key)
                        return null;
                    var value = valueLambda is { } v ? Apply(v, trace, item) : item.DeepClone();
                    if (value is null)
                        return null;
                    result[(string)key!] = value;
                }
                return result;
            }
            default:
                return null;
        }
    }

    private static bool IsLambda(string name) => name.Equals("lambda", StringComparison.OrdinalIgnoreCase);

    // lambda('x', ['i',] body): the variable names and the body; at least `required` variables.
    private static (IReadOnlyList<string> Variables, ArmExpression Body)? LambdaOf(ArmCall call, int required)
    {
        if (!IsLambda(call.Name) || call.Arguments.Count < required + 1)
            return null;
        var names = new List<string>();
        foreach (var argument in call.Arguments.Take(call.Arguments.Count - 1))
        {
            if (argument is not ArmString { Value: var variable })
                return null;
            names.Add(variable);
        }
        return (names, call.Arguments[^1]);
    }

    // The body with its variables bound (extra arguments, such as an index the lambda does not take, are dropped).
    private JToken? Apply((IReadOnlyList<string> Variables, ArmExpression Body) lambda, Trace trace, params JToken[] arguments)
    {
        if (++lambdaCalls > MaxLambdaCalls)
            return null;
        var saved = new List<(string Name, JToken? Value)>();
        for (var i = 0; i < lambda.Variables.Count; i++)
        {
            var variable = lambda.Variables[i];
            saved.Add((variable, lambdaScope.GetValueOrDefault(variable)));
            if (i < arguments.Length)
                lambdaScope[variable] = arguments[i];
            else
                lambdaScope.Remove(variable);
        }
        try
        {
            return Eval(lambda.Body, trace);
        }
        finally
        {
            foreach (var (variable, value) in saved)
            {
                if (value is null)
                    lambdaScope.Remove(variable);
                else
                    lambdaScope[variable] = value;
            }
        }
    }
}
