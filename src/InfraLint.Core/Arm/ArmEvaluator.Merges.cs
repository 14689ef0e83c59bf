using InfraLint.Core.Model;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

// Object spreads (shallowMerge) and union() whose parts are not all known. Bicep writes
// `properties: { a: x, ...(cond ? { b: y } : {}) }` as shallowMerge(createArray(createObject(…), if(…)));
// a condition InfraLint cannot decide must not hide the keys no unknown part can touch.
internal sealed partial class ArmEvaluator
{
    private static bool IsMerge(ArmCall call) =>
        call.Name.Equals("shallowMerge", StringComparison.OrdinalIgnoreCase) || call.Name.Equals("union", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The merged object when every unknown part can only write keys InfraLint can name: those keys get the
    /// expression <c>merge.key</c>, which <see cref="MemberOf"/> evaluates as the deployment would; the rest
    /// come from the known parts. Null when a part may write any key.
    /// </summary>
    private JToken? MergeWithUnknownParts(ArmCall call, IReadOnlyList<ArmExpression> parts, IReadOnlyList<JToken?> objects, JToken source, int depth)
    {
        var merged = new JObject();
        for (var i = 0; i < parts.Count; i++)
        {
            if (objects[i] is JObject known)
            {
                foreach (var property in known.Properties())
                    merged[property.Name] = Adopt(property.Value);
                continue;
            }
            if (objects[i] is JValue { Type: JTokenType.Null })
                continue;
            if (KeysOf(parts[i], depth + 1) is not { } keys)
                return null;
            foreach (var key in keys)
                merged[key] = new JValue("[" + ArmExpressionWriter.Write(new ArmIndex(call, new ArmString(key))) + "]");
        }
        return Assembled(merged, source);
    }

    // The keys an object expression may have, when they do not depend on unknown values; null otherwise.
    private HashSet<string>? KeysOf(ArmExpression expression, int depth)
    {
        if (depth > MaxNesting)
            return null;
        switch (expression)
        {
            case ArmCall { Name: var name } call when name.Equals("createObject", StringComparison.OrdinalIgnoreCase):
            {
                var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i + 1 < call.Arguments.Count; i += 2)
                {
                    if (call.Arguments[i] is not ArmString { Value: var key })
                        return null;
                    keys.Add(key);
                }
                return keys;
            }
            case ArmCall { Name: var name, Arguments.Count: 3 } call when name.Equals("if", StringComparison.OrdinalIgnoreCase):
            {
                if (EvaluateExpression(call.Arguments[0]) is JValue { Type: JTokenType.Boolean } condition)
                    return KeysOf(call.Arguments[(bool)condition! ? 1 : 2], depth + 1);
                var whenTrue = KeysOf(call.Arguments[1], depth + 1);
                var whenFalse = KeysOf(call.Arguments[2], depth + 1);
                if (whenTrue is null || whenFalse is null)
                    return null;
                whenTrue.UnionWith(whenFalse);
                return whenTrue;
            }
            case ArmCall call when IsMerge(call) && SpreadParts(call, "shallowMerge") is { } parts:
            {
                var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var part in parts)
                {
                    if (KeysOf(part, depth + 1) is not { } partKeys)
                        return null;
                    keys.UnionWith(partKeys);
                }
                return keys;
            }
            default:
                return EvaluateExpression(expression) switch
                {
                    JObject known => known.Properties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    JValue { Type: JTokenType.Null } => new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                    _ => null,
                };
        }
    }

    /// <summary>
    /// One key of an object expression, as the deployment sees it: (true, value) when known (a JSON null when
    /// no part writes it), (false, null) when an unknown part may decide it.
    /// </summary>
    private (bool Known, JToken? Value) MemberOf(ArmExpression expression, string key, Trace trace, int depth)
    {
        var (state, value) = Member(expression, key, trace, depth);
        return state switch
        {
            MemberState.Known => (true, value),
            MemberState.Absent => (true, JValue.CreateNull()),
            _ => (false, null),
        };
    }

    private enum MemberState { Absent, Known, Unknown }

    private (MemberState State, JToken? Value) Member(ArmExpression expression, string key, Trace trace, int depth)
    {
        if (depth > MaxNesting)
            return (MemberState.Unknown, null);
        switch (expression)
        {
            case ArmCall call when IsMerge(call) && SpreadParts(call, "shallowMerge") is { } parts:
            {
                var deep = call.Name.Equals("union", StringComparison.OrdinalIgnoreCase);
                JObject? nested = null;
                for (var i = parts.Count - 1; i >= 0; i--)
                {
                    var (state, value) = Member(parts[i], key, trace, depth + 1);
                    if (state == MemberState.Absent)
                        continue;
                    if (state == MemberState.Unknown)
                        return (MemberState.Unknown, null);
                    // union() merges nested objects; shallowMerge() and scalars let the last one win.
                    if (!deep || value is not JObject o)
                        return nested is null ? (MemberState.Known, value) : (MemberState.Unknown, null);
                    var combined = (JObject)o.DeepClone();
                    if (nested is not null)
                        combined.Merge(nested, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
                    nested = combined;
                }
                return nested is null ? (MemberState.Absent, null) : (MemberState.Known, nested);
            }
            case ArmCall { Name: var name, Arguments.Count: 3 } call when name.Equals("if", StringComparison.OrdinalIgnoreCase):
            {
                if (Eval(call.Arguments[0], trace) is JValue { Type: JTokenType.Boolean } condition)
                    return Member(call.Arguments[(bool)condition! ? 1 : 2], key, trace, depth + 1);
                var whenTrue = Member(call.Arguments[1], key, trace, depth + 1);
                var whenFalse = Member(call.Arguments[2], key, trace, depth + 1);
                return whenTrue.State == whenFalse.State && (whenTrue.State == MemberState.Absent || JToken.DeepEquals(whenTrue.Value, whenFalse.Value))
                    ? whenTrue
                    : (MemberState.Unknown, null);
            }
            case ArmCall { Name: var name } call when name.Equals("createObject", StringComparison.OrdinalIgnoreCase) && call.Arguments.Count % 2 == 0:
            {
                for (var i = 0; i < call.Arguments.Count; i += 2)
                {
                    if (call.Arguments[i] is not ArmString { Value: var written })
                        return (MemberState.Unknown, null);
                    if (written.Equals(key, StringComparison.OrdinalIgnoreCase))
                        return Eval(call.Arguments[i + 1], trace) is { } value ? (MemberState.Known, value) : (MemberState.Unknown, null);
                }
                return (MemberState.Absent, null);
            }
            case ArmCall { Name: var name, Arguments: [ArmString { Value: var variable }] } when name.Equals("variables", StringComparison.OrdinalIgnoreCase) &&
                Variable(variable) is JValue { Type: JTokenType.String } text && ArmExpressionParser.TryParse((string)text!) is ArmCall inner && IsMerge(inner):
                return Member(inner, key, trace, depth + 1);
            default:
                return Eval(expression, trace) switch
                {
                    JObject o => Property(o, key) is { } value ? (MemberState.Known, value.DeepClone()) : (MemberState.Absent, null),
                    JValue { Type: JTokenType.Null } => (MemberState.Absent, null),
                    _ => (MemberState.Unknown, null),
                };
        }
    }
}
