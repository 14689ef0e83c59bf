using InfraLint.Core.Model;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>
/// Resource and module loops (Bicep <c>for</c>, ARM <c>copy</c>) over a collection whose length is known become one
/// resource per item, each with <c>copyIndex()</c> bound to its index, so rules see what each item deploys (a second
/// role assignment that grants Contributor, a dev and a prod account from one loop). An item is a copy of the loop
/// body that remembers where it was written (<see cref="Origin"/>), so its findings point at the body's lines, and a
/// value taken from the item (<c>roles[i].id</c>) is replaced by the element it reads, so a finding on it points
/// where that element is written (the variable's or parameter default's array element). A loop whose length is not
/// known stays one resource with unknown values, as before.
/// </summary>
internal static class ResourceLoops
{
    /// <summary>A loop with more items than this stays one resource (its body, values unknown).</summary>
    public const int MaxItemsPerLoop = 64;

    /// <summary>
    /// The most loop items one deployment (an entry template with every module it deploys) may expand to; loops past
    /// it stay one resource each. Module loops inside module loops would otherwise multiply at every level.
    /// </summary>
    public const int MaxItemsPerDeployment = 512;

    /// <summary>What is left of <see cref="MaxItemsPerDeployment"/> for one deployment; shared by its templates.</summary>
    internal sealed class Budget
    {
        public int Remaining { get; set; } = MaxItemsPerDeployment;
    }

    public static IReadOnlyList<ArmResourceEntry> Expand(IReadOnlyList<ArmResourceEntry> entries, JObject template, ArmEvaluator evaluator, Budget budget)
    {
        if (!entries.Any(e => e.Body["copy"] is JObject || e.Body["condition"] is not null))
            return entries;
        var expanded = new List<ArmResourceEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Body["copy"] is not JObject loop || Count(loop, evaluator) is not { } count || count > MaxItemsPerLoop || count > budget.Remaining)
            {
                // A resource its condition switches off (`if (false)`, a caller's value, a parameter default) deploys nothing. A
                // module stays: NestedDeployments reads its condition, so that its file counts as deployed, switched off.
                if (!SwitchedOff(entry.Body, evaluator) || entry.IsDeployment)
                    expanded.Add(entry);
                continue;
            }
            budget.Remaining -= count;
            var name = loop["name"] is JValue { Type: JTokenType.String } n ? (string)n! : null;
            var inline = InlineCollection(loop, evaluator);
            for (var index = 0; index < count; index++)
            {
                var item = Item(entry, name, index, template, evaluator, inline);
                // A filtered loop (`[for x in xs: if (x.enabled) {…}]`): an item its condition switches off deploys nothing.
                if (!SwitchedOff(item, evaluator))
                    expanded.Add(entry with { Body = item });
            }
        }
        return expanded;
    }

    /// <summary>A resource (or a nested deployment) whose condition is known to be false deploys nothing.</summary>
    internal static bool SwitchedOff(JObject item, ArmEvaluator evaluator) =>
        item["condition"] is { } condition && evaluator.Evaluate(condition).Value is JValue { Type: JTokenType.Boolean } known && !(bool)known!;

    private static int? Count(JObject loop, ArmEvaluator evaluator)
    {
        if (evaluator.Evaluate(loop["count"]).Value is JValue { Type: JTokenType.Integer } count)
            return (long)count! is >= 0 and <= int.MaxValue ? (int)(long)count! : null;
        // length(collection) of a collection whose items are not all known (a role id built with
        // subscriptionResourceId()): its structure still says how many there are.
        if (loop["count"] is JValue { Type: JTokenType.String } text && ArmExpressionParser.TryParse((string)text!) is
            ArmCall { Name: var name, Arguments: [var collection] } && name.Equals("length", StringComparison.OrdinalIgnoreCase))
        {
            return evaluator.Resolve(new JValue("[" + ArmExpressionWriter.Write(collection) + "]")) switch
            {
                JArray items => items.Count,
                JObject properties => properties.Count,
                _ => null,
            };
        }
        return null;
    }

    // A loop over an array written in place (`for role in [ … ]`): `copy.count` is `length(createArray(…))`, the only
    // place the template writes the items.
    private static (JValue Count, JArray Items)? InlineCollection(JObject loop, ArmEvaluator evaluator)
    {
        if (loop["count"] is not JValue { Type: JTokenType.String } count || ArmExpressionParser.TryParse((string)count!) is not
            ArmCall { Name: var name, Arguments: [ArmCall { Name: var inner } collection] } ||
            !name.Equals("length", StringComparison.OrdinalIgnoreCase) || !inner.Equals("createArray", StringComparison.OrdinalIgnoreCase))
            return null;
        return evaluator.Resolve(new JValue("[" + ArmExpressionWriter.Write(collection) + "]")) is JArray items ? (count, items) : null;
    }

    private static JObject Item(ArmResourceEntry entry, string? loopName, int index, JObject template, ArmEvaluator evaluator,
        (JValue Count, JArray Items)? inline)
    {
        var body = entry.Body;
        var item = entry.IsDeployment
            ? CloneWithoutModuleTemplate(body)
            : (JObject)body.DeepClone();
        item.Remove("copy");
        item.AddAnnotation(new Origin(body));
        var strings = item.DescendantsAndSelf().OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList();
        foreach (var value in strings)
        {
            var text = (string)value!;
            if (!text.Contains("copyIndex(", StringComparison.OrdinalIgnoreCase) || ArmExpressionParser.TryParse(text) is not { } expression)
                continue;
            var bound = Bind(expression, loopName, index);
            if (ReferenceEquals(bound, expression))
                continue;
            value.Value = "[" + ArmExpressionWriter.Write(bound) + "]";
            if ((InlineElement(value, evaluator, inline) ?? WrittenElement(value, body, template, evaluator)) is not { } element)
                continue;
            // A finding on the property itself (roleDefinitionId: role.id) points where the item's value is written too.
            if (value.Parent is JProperty property && element.Annotation<Origin>() is { } origin)
            {
                if (origin.Below.Count > 0)
                    property.AddAnnotation(new Origin(origin.Source, origin.Below));
                else if (origin.Source.Parent is JProperty written)
                    property.AddAnnotation(new Origin(written));
            }
            value.Replace(element);
        }
        return item;
    }

    // A module's deployment holds the module's whole template, which is read from the loop as written (one template,
    // deployed once per item with that item's parameters): the items need only the rest.
    private static JObject CloneWithoutModuleTemplate(JObject body)
    {
        if (body["properties"] is not JObject properties || properties.Property("template", StringComparison.OrdinalIgnoreCase) is not { } moduleTemplate)
            return (JObject)body.DeepClone();
        var item = new JObject();
        foreach (var property in body.Properties())
        {
            if (!ReferenceEquals(property.Value, properties))
            {
                item.Add(property.DeepClone());
                continue;
            }
            var itemProperties = new JObject();
            foreach (var inner in properties.Properties().Where(p => !ReferenceEquals(p, moduleTemplate)))
                itemProperties.Add(inner.DeepClone());
            item.Add(new JProperty(property.Name, itemProperties));
        }
        return item;
    }

    // copyIndex() and copyIndex('loop') are the item's index; copyIndex(n) and copyIndex('loop', n) add n. A property
    // loop's own copyIndex('other') inside the body stays as it is.
    private static ArmExpression Bind(ArmExpression expression, string? loopName, int index)
    {
        switch (expression)
        {
            case ArmCall { Name: var name } call when name.Equals("copyIndex", StringComparison.OrdinalIgnoreCase):
                return call.Arguments switch
                {
                    [] => new ArmNumber(index),
                    [ArmNumber offset] => new ArmNumber(index + offset.Value),
                    [ArmString loop] when IsThisLoop(loop.Value, loopName) => new ArmNumber(index),
                    [ArmString loop, ArmNumber offset] when IsThisLoop(loop.Value, loopName) => new ArmNumber(index + offset.Value),
                    _ => call,
                };
            case ArmCall call:
            {
                var arguments = call.Arguments.Select(a => Bind(a, loopName, index)).ToList();
                return arguments.Where((a, i) => !ReferenceEquals(a, call.Arguments[i])).Any() ? call with { Arguments = arguments } : call;
            }
            case ArmMember member:
                return Bind(member.Target, loopName, index) is var bound && !ReferenceEquals(bound, member.Target) ? member with { Target = bound } : member;
            case ArmIndex item:
            {
                var target = Bind(item.Target, loopName, index);
                var at = Bind(item.Index, loopName, index);
                return ReferenceEquals(target, item.Target) && ReferenceEquals(at, item.Index) ? item : new ArmIndex(target, at);
            }
            default:
                return expression;
        }
    }

    private static bool IsThisLoop(string name, string? loopName) => loopName is not null && name.Equals(loopName, StringComparison.OrdinalIgnoreCase);

    // The item's value read from an array written in place (`role.id` of `for role in [ … ]`): the compiled template has
    // no element to point at, so the copy points below copy.count, which a Bicep source map follows into the array
    // as written (the element's key), and an ARM template's locator to the count that writes it.
    private static JToken? InlineElement(JValue bound, ArmEvaluator evaluator, (JValue Count, JArray Items)? inline)
    {
        if (inline is not var (count, items))
            return null;
        var resolved = evaluator.Resolve(bound);
        if (ReferenceEquals(resolved, bound) || resolved.Parent is null)
            return null;
        var root = resolved;
        while (root.Parent is not null)
            root = root.Parent;
        if (root is not JArray array || !ReferenceEquals(array.Annotation<Origin>()?.Source, bound) || !JToken.DeepEquals(array, items))
            return null;
        var copy = resolved.DeepClone();
        copy.AddAnnotation(new Origin(count, PathSegment.From(resolved)));
        return copy;
    }

    // The item's value where the template writes it (an element of a variable or of a parameter's default), as a
    // copy that points there; null when it is assembled from the loop body or from a caller's value.
    private static JToken? WrittenElement(JValue bound, JObject body, JObject template, ArmEvaluator evaluator)
    {
        var resolved = evaluator.Resolve(bound);
        if (ReferenceEquals(resolved, bound))
            return null;
        // An item of an array written in the loop expression itself (`for role in [ … ]`): the compiled JSON has no element
        // to point at, so the item's value stands in the body, where its findings are reported.
        var source = Origin.SourceOf(resolved);
        if (ReferenceEquals(source, bound))
        {
            var inline = resolved.DeepClone();
            inline.AddAnnotation(new Origin(Origin.SourceOf(bound)));
            return inline;
        }
        var ancestors = source.AncestorsAndSelf().ToList();
        if (!ancestors.Any(t => ReferenceEquals(t, template)) || ancestors.Any(t => ReferenceEquals(t, body)))
            return null;
        if (resolved.Parent is null)
            return resolved;
        var copy = resolved.DeepClone();
        copy.AddAnnotation(new Origin(resolved));
        return copy;
    }
}
