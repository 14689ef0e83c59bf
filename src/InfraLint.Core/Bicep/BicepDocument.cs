using InfraLint.Core.Arm;
using InfraLint.Core.Model;

namespace InfraLint.Core.Bicep;

/// <summary>A parsed Bicep file: its declarations and a map from property paths to source positions.</summary>
internal sealed class BicepDocument
{
    private const int MaxHops = 32;

    public BicepDocument(IReadOnlyList<BicepResourceDeclaration> resources,
        IReadOnlyDictionary<string, BicepVariable> variables, IReadOnlyDictionary<string, BicepVariable> parameters,
        IReadOnlyList<BicepReference> references, BicepReference? usingTarget = null,
        IReadOnlyDictionary<string, BicepVariable>? outputs = null, IReadOnlyList<string>? loadedTexts = null,
        IReadOnlyList<string>? loadedJson = null, IReadOnlyList<string>? loadedYaml = null)
    {
        LoadedTexts = loadedTexts ?? [];
        LoadedJson = loadedJson ?? [];
        LoadedYaml = loadedYaml ?? [];
        Outputs = outputs ?? new Dictionary<string, BicepVariable>(StringComparer.Ordinal);
        References = references;
        Using = usingTarget;
        Resources = resources;
        Variables = variables;
        Parameters = parameters;
    }

    /// <summary>Resource and module declarations in source order, nested ones after their parent.</summary>
    public IReadOnlyList<BicepResourceDeclaration> Resources { get; }

    public IReadOnlyDictionary<string, BicepVariable> Variables { get; }

    public IReadOnlyDictionary<string, BicepVariable> Parameters { get; }

    public IReadOnlyDictionary<string, BicepVariable> Outputs { get; }

    /// <summary>The template a .bicepparam file is <c>using</c>.</summary>
    public BicepReference? Using { get; }

    /// <summary>The files the template reads with <c>loadTextContent('…')</c> (paths as written, relative to the file).</summary>
    public IReadOnlyList<string> LoadedTexts { get; }

    /// <summary>The files the template reads with <c>loadJsonContent('…')</c>: the compiler inlines their data as <c>$fxv#N</c> variables.</summary>
    public IReadOnlyList<string> LoadedJson { get; }

    /// <summary>The files the template reads with <c>loadYamlContent('…')</c>.</summary>
    public IReadOnlyList<string> LoadedYaml { get; }

    /// <summary>Module and import paths, in source order.</summary>
    public IReadOnlyList<BicepReference> References { get; }

    /// <summary>Looks through a loop or condition to the value it repeats or guards.</summary>
    public static BicepNode Unwrap(BicepNode node)
    {
        for (var hops = 0; hops < MaxHops; hops++)
        {
            switch (node)
            {
                case BicepIf i:
                    node = i.Body;
                    break;
                case BicepFor f when f.Body is BicepObject or BicepIf:
                    node = f.Body;
                    break;
                default:
                    return node;
            }
        }
        return node;
    }

    /// <summary>
    /// The position of <paramref name="path"/> below <paramref name="root"/>: the key of the last
    /// property found, following variables and loop bodies, or the nearest enclosing property
    /// that exists in source when the rest was assembled by an expression.
    /// </summary>
    public (int Line, int Column) Locate(BicepNode root, IReadOnlyList<PathSegment> path, (int Line, int Column) fallback)
    {
        var best = fallback;
        var node = root;
        var hops = 0;
        for (var i = 0; i < path.Count && hops < MaxHops * 4; hops++)
        {
            switch (node, path[i])
            {
                case (BicepIf guarded, _):
                    node = guarded.Body;
                    continue;
                case (BicepFor { Collection: { } collection }, PathSegment.Property { Name: "copy" })
                    when i + 1 < path.Count && path[i + 1] is PathSegment.Property { Name: "count" }:
                    // copy.count of a loop over an array written in place: the items are the collection's.
                    node = collection;
                    i += 2;
                    continue;
                case (BicepFor loop, PathSegment.Property):
                    node = loop.Body; // a resource or module loop: its body is each copy
                    continue;
                case (BicepIdentifier identifier, _) when Variables.TryGetValue(identifier.Name, out var variable):
                    best = (variable.Line, variable.Column);
                    node = variable.Value;
                    continue;
                case (BicepObject or BicepExpression { Parts: not null }, PathSegment.Property property):
                    // A key written in the object, else in what it spreads or in an object the expression merges
                    // (union(…), a ternary branch): the last place that writes it, as the later one wins.
                    var match = WrittenKey(node, property.Name, 0);
                    if (match is null)
                        return best;
                    best = (match.Line, match.Column);
                    node = match.Value;
                    break;
                case (BicepExpression { Branches: var (whenTrue, whenFalse) }, PathSegment.Argument { Value: 1 or 2 } argument):
                    // The branch a ternary with a known condition takes (if(c, a, b) in the compiled template).
                    node = argument.Value == 1 ? whenTrue : whenFalse;
                    break;
                case (BicepExpression { Branches: null, Parts: { } arguments }, PathSegment.Argument argument) when argument.Value < arguments.Count:
                    // An argument of a call written in place (concat(a, [ … ]), union(a, [ … ])).
                    node = arguments[argument.Value];
                    break;
                case (BicepExpression { Parts: [BicepArray { HasSpread: false } list] }, PathSegment.Part part) when part.Value < list.Items.Count:
                    // flatten([a, [ … ]]): the arrays it joins are the items of the array it is given.
                    node = list.Items[part.Value];
                    break;
                case (BicepArray { HasSpread: true } array, PathSegment.Part part) when part.Value < array.Joined.Count:
                    node = array.Joined[part.Value];
                    break;
                case (BicepFor loop, PathSegment.Index):
                    node = loop.Body;
                    best = (node.Line, node.Column);
                    break;
                case (BicepArray array, PathSegment.Index index) when !array.HasSpread && index.Value < array.Items.Count:
                    node = array.Items[index.Value];
                    best = (node.Line, node.Column);
                    break;
                default:
                    return best;
            }
            i++;
        }
        return best;
    }

    // '${name}': value compiles to the key "[format('{0}', parameters('name'))]": the interpolated key whose literal parts
    // are the format string's, when one is (two keys of the same literal parts cannot be told apart here).
    private static BicepProperty? InterpolatedKey(BicepObject obj, string key)
    {
        if (ArmExpressionParser.TryParse(key) is not { } expression)
            return null;
        var literal = expression is ArmCall { Name: var f, Arguments: [ArmString { Value: var format }, ..] } && f.Equals("format", StringComparison.OrdinalIgnoreCase)
            ? LiteralParts(format)
            : null;
        var candidates = obj.Properties.Where(p => p.InterpolatedText is not null && (literal is null || p.InterpolatedText == literal)).ToList();
        if (candidates.Count > 1)
            candidates = candidates.Where(p => SameNames(p.InterpolatedSource, key)).ToList(); // '${a}' and '${b}': by the names they read
        return candidates.Count == 1 ? candidates[0] : null;
    }

    // Each interpolation (`${prefix}`, `${toUpper(settings.prefix)}`) reads a parameter or variable whose name the compiled
    // key quotes (parameters('prefix'), parameters('settings')).
    private static bool SameNames(string? written, string key) =>
        written is not null && written.Split("${").Skip(1).Select(part => part.Split('}')[0]).All(inside =>
            Identifiers(inside).Any(n => key.Contains($"'{n}'", StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<string> Identifiers(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]) && text[i] != '_')
                continue;
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                i++;
            yield return text[start..i];
        }
    }

    // "{0}_KEY" -> "_KEY": the format string without its placeholders.
    private static string LiteralParts(string format)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var close = format[i] == '{' ? format.IndexOf('}', i) : -1;
            if (close > i + 1 && format[(i + 1)..close].All(char.IsAsciiDigit))
                i = close;
            else
                text.Append(format[i]);
        }
        return text.ToString();
    }

    private BicepProperty? WrittenKey(BicepNode node, string key, int depth)
    {
        if (depth > MaxHops)
            return null;
        switch (node)
        {
            case BicepObject obj:
                return obj.Properties.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))
                    ?? InterpolatedKey(obj, key)
                    ?? obj.Spreads.Reverse().Select(s => WrittenKey(s, key, depth + 1)).FirstOrDefault(p => p is not null);
            case BicepExpression { Parts: { } parts }:
                return parts.Reverse().Select(p => WrittenKey(p, key, depth + 1)).FirstOrDefault(p => p is not null);
            case BicepIdentifier identifier when Variables.TryGetValue(identifier.Name, out var variable):
                return WrittenKey(variable.Value, key, depth + 1);
            default:
                return null;
        }
    }
}
