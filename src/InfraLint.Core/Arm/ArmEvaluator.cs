using System.Globalization;
using System.Text;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>
/// Evaluates the deterministic part of the ARM template language: literals, parameters with known
/// values, variables and the pure functions that build names and settings. Everything that needs
/// a deployment (reference(), resourceGroup(), uniqueString(), list*() …) stays unknown.
/// </summary>
internal sealed partial class ArmEvaluator
{
    private const int MaxNesting = 64;

    /// <summary>The largest value an expression may evaluate to, counted in characters of its strings and names plus
    /// <see cref="ElementSize"/> per element (an element costs far more memory than a character): 4 Mi. Real templates stay
    /// far below; a template whose variables double a value reaches it in about 20 steps.</summary>
    public const int MaxValueSize = 4 * 1024 * 1024;

    private const int ElementSize = 32;

    private readonly JObject template;
    private readonly IReadOnlyDictionary<string, TemplateValue> parameterValues;
    private readonly HashSet<string> evaluating = new(StringComparer.OrdinalIgnoreCase);
    private int nesting;

    /// <param name="template">The template whose parameters and variables expressions read.</param>
    /// <param name="parameterValues">Values supplied by a caller (a module call, a parameters file), evaluated
    /// in the caller's context; an unknown one still hides the parameter's default.</param>
    /// <param name="writtenByCaller">For supplied values a caller writes as they are (a literal, an array or object
    /// written in its <c>params</c>, or one it passes on unchanged from its own caller): where that is written, in the
    /// caller's template JSON. Findings on such a value point there (<see cref="CallerWritten"/>).</param>
    public ArmEvaluator(JObject template, IReadOnlyDictionary<string, TemplateValue>? parameterValues = null,
        IReadOnlyDictionary<string, JToken>? writtenByCaller = null)
    {
        this.template = template;
        this.parameterValues = parameterValues ?? new Dictionary<string, TemplateValue>(StringComparer.OrdinalIgnoreCase);
        this.writtenByCaller = writtenByCaller ?? new Dictionary<string, JToken>(StringComparer.OrdinalIgnoreCase);
    }

    private readonly IReadOnlyDictionary<string, JToken> writtenByCaller;

    private readonly List<(ArmResourceEntry Deployment, string? Name, ArmEvaluator Module)> modules = [];

    /// <summary>
    /// Makes the outputs of a module this template deploys known here: <c>mod.outputs.x</c> (<c>reference(…).outputs.x.value</c>)
    /// is the output's value as the module evaluates it, with the values this template passes (a literal, a parameter the
    /// caller set, a resource's name). Modules are added in the order they are deployed, before those that read them.
    /// </summary>
    public void AddModule(ArmResourceEntry deployment, ArmEvaluator module) =>
        modules.Add((deployment, Evaluate(deployment.Body["name"]).AsString, module));

    // reference(<module>).outputs.x.value: the module by symbolic name (languageVersion 2.0) or by its deployment's name.
    private JToken? ModuleOutput(ArmExpression named, Trace trace)
    {
        if (modules.Count == 0)
            return null;
        var (output, outputs) = named switch
        {
            ArmMember m => (m.Name, m.Target),
            ArmIndex { Index: ArmString key } i => (key.Value, i.Target),
            _ => (null, null),
        };
        if (output is null || outputs is not ArmMember { Name: var o, Target: ArmCall { Name: var f, Arguments: [var target, ..] } } ||
            !o.Equals("outputs", StringComparison.OrdinalIgnoreCase) || !f.Equals("reference", StringComparison.OrdinalIgnoreCase))
            return null;
        var matches = target switch
        {
            ArmString { Value: var symbol } => modules.Where(m => string.Equals(m.Deployment.SymbolicName, symbol, StringComparison.Ordinal)).ToList(),
            ArmCall { Name: var id, Arguments: [.., ArmString { Value: var type }, var name] } when id.Equals("resourceId", StringComparison.OrdinalIgnoreCase) &&
                type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase) &&
                Eval(name, trace) is JValue { Type: JTokenType.String } n =>
                modules.Where(m => string.Equals(m.Name, (string)n!, StringComparison.OrdinalIgnoreCase)).ToList(),
            _ => [],
        };
        if (matches is not [var (_, _, module)] || module.template["outputs"] is not JObject declared ||
            Property(declared, output) is not JObject { } declaration || declaration["value"] is not { } written)
            return null;
        var value = module.Evaluate(written);
        trace.Functions.UnionWith(value.Functions);
        trace.Literals.UnionWith(value.Literals);
        trace.Secure |= value.ReadsSecureParameter;
        return value.Value?.DeepClone();
    }

    /// <summary>Where a caller writes the value of parameter <paramref name="name"/> as it is, or null.</summary>
    public JToken? CallerWritten(string name) => writtenByCaller.GetValueOrDefault(name);

    public TemplateValue Evaluate(JToken? token)
    {
        if (token is null)
            return TemplateValue.Unknown();
        var trace = new Trace();
        var value = EvaluateToken(token, trace);
        var isExpression = token is JValue { Type: JTokenType.String } s && ArmExpressionParser.IsExpression((string)s!);
        return value is null
            ? TemplateValue.Unknown(trace.Functions, trace.Parameters, trace.Literals, trace.Secure)
            : TemplateValue.Known(value, isExpression || trace.Functions.Count > 0, trace.Functions, trace.Parameters, trace.Literals, trace.Secure);
    }

    /// <summary>Evaluates every variable once (they are remembered), so a variable too large to evaluate
    /// (<see cref="ArmValueTooLargeException"/>) fails the template when it loads, not each rule that reads it.</summary>
    public void EvaluateVariables()
    {
        if (template["variables"] is not JObject variables)
            return;
        foreach (var variable in variables.Properties())
            VariableValue(variable.Name, new Trace());
    }

    /// <summary>
    /// The JSON an expression stands for, as far as its structure is known: variables, parameter
    /// defaults, <c>createArray</c>/<c>createObject</c>, <c>concat</c>/<c>flatten</c> (array spreads),
    /// <c>union</c>/<c>shallowMerge</c> (object spreads) and <c>if</c> with a known condition. Parts
    /// that stay unknown become expression strings that <see cref="Evaluate"/> understands. Assembled
    /// JSON carries an <see cref="Origin"/> so findings on it point at source. Returns the token itself
    /// when it is not such an expression.
    /// </summary>
    public JToken Resolve(JToken token) => Resolve(token, partial: false);

    /// <summary>The value of one parsed expression (part of a larger one), or null when it is not known.</summary>
    public JToken? EvaluateExpression(ArmExpression expression) => Eval(expression, new Trace());

    /// <summary>
    /// Like <see cref="Resolve"/>, but keeps what is known when a part is not: <c>if</c> with an unknown
    /// condition contributes both branches, <c>union</c>/<c>concat</c> keep their known parts. The result
    /// holds what the template may deploy, not all of it: fit for finding values, not for missing ones.
    /// </summary>
    public JToken ResolvePartially(JToken token) => Resolve(token, partial: true);

    private JToken Resolve(JToken token, bool partial)
    {
        for (var hops = 0; hops < MaxNesting; hops++)
        {
            if (token is not JValue { Type: JTokenType.String } value || ArmExpressionParser.TryParse((string)value!) is not { } expression)
                return token;
            var resolved = Structure(expression, token, 0, partial);
            if (resolved is null || ReferenceEquals(resolved, token))
                return token;
            token = resolved;
        }
        return token;
    }

    private JToken? Structure(ArmExpression expression, JToken source, int depth, bool partial)
    {
        if (depth > MaxNesting)
            return null;
        switch (expression)
        {
            case ArmString s:
                return new JValue(s.Value);
            case ArmNumber n:
                return new JValue(n.Value);
            case ArmCall { Name: var name, Arguments: [ArmString { Value: var key }] } when name.Equals("variables", StringComparison.OrdinalIgnoreCase):
                return Variable(key) is { } variable ? Resolve(variable, partial) : null;
            case ArmCall { Name: var name, Arguments: [ArmString { Value: var key }] } when name.Equals("parameters", StringComparison.OrdinalIgnoreCase):
                // A caller's value is evaluated, not followed: an array or object the caller writes as it is
                // is found where the caller writes it; anything else belongs to the property that reads it.
                if (parameterValues.TryGetValue(key, out var supplied))
                    return supplied.Value is JContainer value ? Assembled(value.DeepClone(), CallerWritten(key) is JContainer written ? written : source) : null;
                if (Parameter(key) is var declaration && declaration?["defaultValue"] is { } defaultValue)
                    return Resolve(defaultValue, partial);
                return IsOmittedOptional(declaration) ? JValue.CreateNull() : null;
            case ArmMember member:
                return Structure(member.Target, source, depth + 1, partial) is JObject o && Property(o, member.Name) is { } p ? Resolve(p, partial) : null;
            case ArmIndex { Index: ArmNumber n } index:
                return Structure(index.Target, source, depth + 1, partial) is JArray a && n.Value >= 0 && n.Value < a.Count ? Resolve(a[(int)n.Value], partial) : null;
            case ArmCall call:
                return StructureOfCall(call, source, depth, partial);
            default:
                return null;
        }
    }

    private JToken? StructureOfCall(ArmCall call, JToken source, int depth, bool partial)
    {
        switch (call.Name.ToLowerInvariant())
        {
            case "createarray":
                return Assembled(new JArray(call.Arguments.Select(a => Part(a, source, depth, partial))), source);
            case "createobject" when call.Arguments.Count % 2 == 0:
            {
                var result = new JObject();
                for (var i = 0; i < call.Arguments.Count; i += 2)
                {
                    if (Evaluate(new JValue("[" + ArmExpressionWriter.Write(call.Arguments[i]) + "]")).AsString is not { } key)
                        return null;
                    result[key] = Part(call.Arguments[i + 1], source, depth, partial);
                }
                return Assembled(result, source);
            }
            case "concat" or "flatten":
            {
                if (SpreadParts(call, "flatten") is not { } parts)
                    return null;
                var arrays = parts.Select(p => Structure(p, source, depth + 1, partial)).ToList();
                return Joined(arrays, source, flattened: call.Name.Equals("flatten", StringComparison.OrdinalIgnoreCase), distinct: false, partial);
            }
            case "union" or "shallowmerge":
            {
                if (SpreadParts(call, "shallowMerge") is not { } parts)
                    return null;
                var objects = parts.Select(p => Structure(p, source, depth + 1, partial)).ToList();
                // union() of arrays joins them and drops repeated elements.
                if (call.Name.Equals("union", StringComparison.OrdinalIgnoreCase) && objects.Any(o => o is JArray))
                    return Joined(objects, source, flattened: false, distinct: true, partial);
                if (partial)
                    objects = objects.Where(o => o is JObject).ToList();
                else if (!objects.All(o => o is JObject))
                    return MergeWithUnknownParts(call, parts, objects, source, depth);
                if (objects.Count == 0)
                    return null;
                var merged = new JObject();
                foreach (var property in objects.SelectMany(o => ((JObject)o!).Properties()))
                    merged[property.Name] = Adopt(property.Value); // later objects win, as in ARM
                return Assembled(merged, source);
            }
            case "if" when call.Arguments.Count == 3:
                if (Evaluate(new JValue("[" + ArmExpressionWriter.Write(call.Arguments[0]) + "]")).Value is JValue { Type: JTokenType.Boolean } condition)
                {
                    var chosen = (bool)condition! ? 1 : 2;
                    return WrittenAsArgument(Structure(call.Arguments[chosen], source, depth + 1, partial), source, chosen);
                }
                return partial ? EitherBranch(call, source, depth) : null;
            default:
                return null;
        }
    }

    // if() with an unknown condition, resolved partially: what either branch may deploy (objects merged,
    // the first branch winning a shared key; arrays concatenated).
    private JToken? EitherBranch(ArmCall call, JToken source, int depth)
    {
        var whenTrue = Structure(call.Arguments[1], source, depth + 1, partial: true);
        var whenFalse = Structure(call.Arguments[2], source, depth + 1, partial: true);
        switch (whenTrue, whenFalse)
        {
            case (JObject a, JObject b):
                var merged = new JObject();
                foreach (var property in b.Properties().Concat(a.Properties()))
                    merged[property.Name] = Adopt(property.Value);
                return Assembled(merged, source);
            case (JArray a, JArray b):
                return Assembled(new JArray(a.Children().Concat(b.Children()).Select(Adopt)), source);
            case (JObject or JArray, _):
                return whenTrue;
            case (_, JObject or JArray):
                return whenFalse;
            default:
                return null;
        }
    }

    // Bicep writes spreads as flatten(createArray(a, b)) and shallowMerge(createArray(a, b)); ARM authors as concat(a, b) and union(a, b).
    private static IReadOnlyList<ArmExpression>? SpreadParts(ArmCall call, string wrapper)
    {
        if (!call.Name.Equals(wrapper, StringComparison.OrdinalIgnoreCase))
            return call.Arguments;
        return call.Arguments is [ArmCall { Name: var inner } list] && inner.Equals("createArray", StringComparison.OrdinalIgnoreCase) ? list.Arguments : null;
    }

    // An argument as JSON: its structure when known, else the expression text as an ARM expression string.
    private JToken Part(ArmExpression argument, JToken source, int depth, bool partial) =>
        Structure(argument, source, depth + 1, partial) is { } structured
            ? Adopt(structured)
            : new JValue("[" + ArmExpressionWriter.Write(argument) + "]");

    // JSON this expression assembled from the branch an if() with a known condition takes remembers which argument that
    // is, so a Bicep source map finds it in that branch as written (`cond ? [ … ] : [ … ]`).
    private static JToken? WrittenAsArgument(JToken? value, JToken source, int argument)
    {
        if (value is not JContainer { Parent: null } assembled || assembled.Annotation<Origin>() is not { } origin || !ReferenceEquals(origin.Source, source))
            return value;
        assembled.RemoveAnnotations<Origin>();
        assembled.AddAnnotation(new Origin(source, [new PathSegment.Argument(argument), .. origin.Below]));
        return assembled;
    }

    // Arrays joined by concat(), flatten() or union() (Bicep array spreads compile to flatten()); null unless every part is a
    // known array (resolved partially: the parts that are). An element written in the expression itself (an item of an
    // array literal in the call) remembers the part it comes from and its index there, which a Bicep source map follows
    // to the element as written; other elements remember the token they were copied from, as ever.
    private static JToken? Joined(IReadOnlyList<JToken?> parts, JToken source, bool flattened, bool distinct, bool partial)
    {
        if (parts.Count == 0 || !partial && !parts.All(p => p is JArray) || !parts.Any(p => p is JArray))
            return null;
        var joined = new JArray();
        for (var part = 0; part < parts.Count; part++)
        {
            if (parts[part] is not JArray array)
                continue;
            var writtenHere = array.Parent is null && array.Annotation<Origin>() is { } origin && ReferenceEquals(origin.Source, source) ? origin.Below : null;
            for (var index = 0; index < array.Count; index++)
            {
                var item = array[index];
                if (distinct && joined.Any(j => JToken.DeepEquals(j, item)))
                    continue;
                if (writtenHere is null || item.Annotation<Origin>() is { } itemOrigin && !ReferenceEquals(itemOrigin.Source, source))
                {
                    joined.Add(Adopt(item));
                    continue;
                }
                var copy = item.DeepClone();
                var inner = copy.Annotation<Origin>()?.Below ?? [];
                copy.RemoveAnnotations<Origin>();
                PathSegment at = flattened ? new PathSegment.Part(part) : new PathSegment.Argument(part);
                copy.AddAnnotation(new Origin(source, [at, .. writtenHere, new PathSegment.Index(index), .. inner], replacesIndex: true));
                joined.Add(copy);
            }
        }
        return Assembled(joined, source);
    }

    // Tokens that live in the template are copied into assembled JSON, remembering where they came from.
    private static JToken Adopt(JToken token)
    {
        if (token.Parent is null)
            return token;
        var copy = token.DeepClone();
        copy.AddAnnotation(new Origin(token));
        return copy;
    }

    private static JToken Assembled(JToken assembled, JToken source)
    {
        Bounded(assembled);
        assembled.AddAnnotation(new Origin(source));
        return assembled;
    }

    /// <summary>The value, or an <see cref="ArmValueTooLargeException"/> when it is larger than <see cref="MaxValueSize"/>.</summary>
    internal static JToken? Bounded(JToken? value)
    {
        if (value is not null && SizeOf(value, MaxValueSize) > MaxValueSize)
            throw new ArmValueTooLargeException();
        return value;
    }

    // Stops counting once past the limit, so measuring a huge value costs no more than the limit.
    private static long SizeOf(JToken token, long limit)
    {
        long size = 0;
        var pending = new Stack<JToken>();
        pending.Push(token);
        while (pending.Count > 0 && size <= limit)
        {
            var current = pending.Pop();
            size += ElementSize;
            switch (current)
            {
                case JValue { Value: string text }:
                    size += text.Length;
                    break;
                case JProperty property:
                    size += property.Name.Length;
                    pending.Push(property.Value);
                    break;
                case JContainer container:
                    foreach (var child in container.Children())
                        pending.Push(child);
                    break;
            }
        }
        return size;
    }

    private JToken? EvaluateToken(JToken token, Trace trace)
    {
        if (++nesting > MaxNesting)
        {
            nesting--;
            truncations++;
            return null;
        }
        deepest = Math.Max(deepest, nesting);
        try
        {
            switch (token)
            {
                case JValue { Type: JTokenType.String } s:
                    var text = (string)s!;
                    if (!ArmExpressionParser.IsExpression(text))
                    {
                        var literal = ArmExpressionParser.Unescape(text);
                        trace.Literals.Add(literal);
                        return new JValue(literal);
                    }
                    var expression = ArmExpressionParser.TryParse(text);
                    return expression is null ? null : Eval(expression, trace);
                case JValue v:
                    return v.DeepClone();
                case JArray array:
                {
                    var result = new JArray();
                    var known = true;
                    foreach (var item in array)
                    {
                        var itemValue = EvaluateToken(item, trace);
                        known &= itemValue is not null;
                        if (known)
                            result.Add(itemValue!);
                    }
                    return known ? result : null;
                }
                case JObject obj:
                {
                    var result = new JObject();
                    var known = true;
                    foreach (var property in obj.Properties())
                    {
                        var propertyValue = EvaluateToken(property.Value, trace);
                        known &= propertyValue is not null;
                        if (known)
                            result[property.Name] = propertyValue;
                    }
                    return known ? result : null;
                }
                default:
                    return null;
            }
        }
        finally
        {
            nesting--;
        }
    }

    private JToken? Eval(ArmExpression expression, Trace trace)
    {
        switch (expression)
        {
            case ArmString s:
                trace.Literals.Add(s.Value);
                return new JValue(s.Value);
            case ArmNumber n:
                return new JValue(n.Value);
            case ArmMember { Target: ArmCall target } m when IsMerge(target):
                return MemberOf(target, m.Name, trace, 0) is (true, var member) ? member : null;
            case ArmMember { Name: var v, Target: var named } when v.Equals("value", StringComparison.OrdinalIgnoreCase) && ModuleOutput(named, trace) is { } output:
                return output;
            case ArmMember m:
                return Eval(m.Target, trace) is JObject o ? Property(o, m.Name)?.DeepClone() : null;
            case ArmIndex { Target: ArmCall target, Index: ArmString { Value: var key } } when IsMerge(target):
                return MemberOf(target, key, trace, 0) is (true, var indexed) ? indexed : null;
            case ArmIndex i:
            {
                var target = Eval(i.Target, trace);
                var index = Eval(i.Index, trace);
                return (target, index) switch
                {
                    (JArray a, JValue { Type: JTokenType.Integer } k) when (long)k! >= 0 && (long)k! < a.Count => a[(int)(long)k!].DeepClone(),
                    (JObject obj, JValue { Type: JTokenType.String } k) => Property(obj, (string)k!)?.DeepClone(),
                    _ => null,
                };
            }
            case ArmCall call:
                return EvalCall(call, trace);
            default:
                return null;
        }
    }

    private JToken? EvalCall(ArmCall call, Trace trace)
    {
        var name = call.Name.ToLowerInvariant();
        trace.Functions.Add(name);
        switch (name)
        {
            case "parameters" when call.Arguments is [var p]:
                return Eval(p, trace) is JValue { Type: JTokenType.String } pn ? ParameterValue((string)pn!, trace) : null;
            case "variables" when call.Arguments is [var v]:
                return Eval(v, trace) is JValue { Type: JTokenType.String } vn ? VariableValue((string)vn!, trace) : null;
            case "if" when call.Arguments.Count == 3:
            {
                // A known condition deploys one branch: the other one's functions and parameters are not
                // part of the value (a listKeys() that every caller switches off is not deployed).
                if (Eval(call.Arguments[0], trace) is JValue { Type: JTokenType.Boolean } b)
                    return Eval(call.Arguments[(bool)b! ? 1 : 2], trace);
                Eval(call.Arguments[1], trace);
                Eval(call.Arguments[2], trace);
                return null;
            }
            case "coalesce":
            {
                // The first value that is not null; an unknown one before it leaves the result unknown.
                foreach (var argument in call.Arguments)
                {
                    var value = Eval(argument, trace);
                    if (value is null)
                    {
                        foreach (var rest in call.Arguments.SkipWhile(a => !ReferenceEquals(a, argument)).Skip(1))
                            Eval(rest, trace);
                        return null;
                    }
                    if (value.Type != JTokenType.Null)
                        return value;
                }
                return JValue.CreateNull();
            }
            case "and" or "or" when call.Arguments.Count > 0:
            {
                // and(false, unknown) is false and or(true, unknown) is true, as the deployment sees them.
                var decisive = name == "or";
                var unknown = false;
                foreach (var argument in call.Arguments)
                {
                    var value = Eval(argument, trace);
                    if (value is JValue { Type: JTokenType.Boolean } v && (bool)v! == decisive)
                        return new JValue(decisive);
                    unknown |= value is not JValue { Type: JTokenType.Boolean };
                }
                return unknown ? null : new JValue(!decisive);
            }
            case "tryget" when call.Arguments.Count >= 2:
                return TryGet(call, trace);
            case "lambdavariables" when call.Arguments is [ArmString { Value: var variable }]:
                return lambdaScope.TryGetValue(variable, out var bound) ? bound.DeepClone() : null;
            case "map" or "filter" or "reduce" or "toobject" when call.Arguments.Count >= 2:
                return Lambda(name, call, trace);
        }

        var args = call.Arguments.Select(a => Eval(a, trace)).ToList();
        // languageVersion 2.0 names the resource of list*() by its symbolic name (listKeys('storage', …)):
        // the trace carries its type too, so the service is still known where a caller passes the value on.
        if (name.StartsWith("list", StringComparison.Ordinal) && call.Arguments is [ArmString { Value: var symbol }, ..] &&
            template["resources"] is JObject symbolic && Property(symbolic, symbol)?["type"] is JValue { Type: JTokenType.String } type)
            trace.Literals.Add((string)type!);
        if (args.Any(a => a is null))
            return null;
        return Bounded(ArmFunctions.Invoke(name, args!));
    }

    private JToken? ParameterValue(string name, Trace trace)
    {
        trace.Parameters.Add(name);
        var declaration = Parameter(name);
        // A secret stays one through module parameters, whichever side declares it @secure().
        trace.Secure |= declaration?["type"] is JValue { Type: JTokenType.String } type && ((string)type!).StartsWith("secure", StringComparison.OrdinalIgnoreCase);
        if (parameterValues.TryGetValue(name, out var supplied))
        {
            trace.Functions.UnionWith(supplied.Functions);
            trace.Literals.UnionWith(supplied.Literals);
            trace.Secure |= supplied.ReadsSecureParameter;
            return supplied.Value?.DeepClone();
        }
        var defaultValue = declaration?["defaultValue"];
        if (defaultValue is null)
            return IsOmittedOptional(declaration) ? JValue.CreateNull() : null;
        return Guarded("p:" + name, inner => EvaluateToken(defaultValue, inner), trace);
    }

    // A Bicep `param x T?` (ARM "nullable": true) without a default is null when nobody supplies it: the
    // caller omitted it, or the file is deployed as it stands. Parameters supplied by a caller or a
    // parameters file never get here.
    private static bool IsOmittedOptional(JObject? declaration) =>
        declaration?["nullable"] is JValue { Type: JTokenType.Boolean } nullable && (bool)nullable!;

    // tryGet(value, key, …): null where a key or index is missing, and through a null (Bicep's `.?`).
    private JToken? TryGet(ArmCall call, Trace trace)
    {
        var current = Eval(call.Arguments[0], trace);
        foreach (var argument in call.Arguments.Skip(1))
        {
            var key = Eval(argument, trace);
            if (current is null || key is null)
                return null;
            current = (current, key) switch
            {
                (JValue { Type: JTokenType.Null }, _) => current,
                (JObject o, JValue { Type: JTokenType.String } k) => Property(o, (string)k!)?.DeepClone() ?? JValue.CreateNull(),
                (JArray a, JValue { Type: JTokenType.Integer } k) => (long)k! >= 0 && (long)k! < a.Count ? a[(int)(long)k!].DeepClone() : JValue.CreateNull(),
                _ => null,
            };
        }
        return current;
    }

    private JToken? VariableValue(string name, Trace trace)
    {
        var value = Variable(name);
        return value is null ? null : Guarded("v:" + name, inner => EvaluateToken(value, inner), trace);
    }

    // Variables and parameter defaults are evaluated once per template: rules and the deployment model read the
    // same names over and over, and a variable often reads others. A value is remembered only when its evaluation
    // met no cycle and no depth limit, and reused only where the depth it needs still fits, so a reused value (and
    // what it adds to the trace) is exactly what evaluating it again would give.
    private JToken? Guarded(string key, Func<Trace, JToken?> evaluate, Trace trace)
    {
        if (memos.TryGetValue(key, out var memo) && nesting + memo.Depth <= MaxNesting)
        {
            memo.Trace.CopyTo(trace);
            deepest = Math.Max(deepest, nesting + memo.Depth);
            return memo.Value?.DeepClone();
        }
        if (!evaluating.Add(key))
        {
            truncations++;
            return null; // a cycle: unknown rather than a stack overflow
        }
        var (start, outerDeepest, truncationsBefore) = (nesting, deepest, truncations);
        deepest = nesting;
        var inner = new Trace();
        JToken? value;
        try
        {
            value = evaluate(inner);
        }
        finally
        {
            evaluating.Remove(key);
        }
        inner.CopyTo(trace);
        if (truncations == truncationsBefore)
            memos[key] = new Memo(value?.DeepClone(), deepest - start, inner);
        deepest = Math.Max(outerDeepest, deepest);
        return value;
    }

    private readonly Dictionary<string, Memo> memos = new(StringComparer.OrdinalIgnoreCase);
    private int truncations;
    private int deepest;

    private sealed record Memo(JToken? Value, int Depth, Trace Trace);

    private JObject? Parameter(string name) => template["parameters"] is JObject ps ? Property(ps, name) as JObject : null;

    private JToken? Variable(string name) => template["variables"] is JObject vs ? Property(vs, name) : null;

    // ARM property names are case-insensitive.
    private static JToken? Property(JObject obj, string name) =>
        obj.GetValue(name, StringComparison.OrdinalIgnoreCase);

    private sealed class Trace
    {
        public HashSet<string> Functions { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Literals { get; } = new(StringComparer.Ordinal);
        public bool Secure { get; set; }

        public void CopyTo(Trace other)
        {
            other.Secure |= Secure;
            other.Functions.UnionWith(Functions);
            other.Parameters.UnionWith(Parameters);
            other.Literals.UnionWith(Literals);
        }
    }
}
