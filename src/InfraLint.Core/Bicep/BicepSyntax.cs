namespace InfraLint.Core.Bicep;

/// <summary>
/// The part of Bicep's syntax InfraLint needs to place findings: declarations, objects, arrays,
/// loops, conditions and identifiers, each with the position it starts at. Other expressions are
/// kept as <see cref="BicepExpression"/> (position only).
/// </summary>
internal abstract record BicepNode(int Line, int Column);

internal sealed record BicepObject(int Line, int Column, IReadOnlyList<BicepProperty> Properties, bool HasSpread) : BicepNode(Line, Column)
{
    /// <summary>The expressions spread into the object (<c>...x</c>), in source order.</summary>
    public IReadOnlyList<BicepNode> Spreads { get; init; } = [];
}

/// <param name="Key">The key as written; null for an interpolated key (<c>'${name}': …</c>).</param>
/// <param name="InterpolatedText">For an interpolated key, its literal parts (<c>'${prefix}_KEY'</c>: <c>_KEY</c>).</param>
internal sealed record BicepProperty(string? Key, int Line, int Column, BicepNode Value, string? InterpolatedText = null)
{
    /// <summary>An interpolated key as written between its quotes (<c>${prefix}_KEY</c>).</summary>
    public string? InterpolatedSource { get; init; }
}

internal sealed record BicepArray(int Line, int Column, IReadOnlyList<BicepNode> Items, bool HasSpread) : BicepNode(Line, Column)
{
    /// <summary>
    /// For an array with spreads (<c>[...a, x, y, ...b]</c>), the arrays the compiler joins with <c>flatten()</c>, in order:
    /// each spread expression, and each run of items between them as an array of its own.
    /// </summary>
    public IReadOnlyList<BicepNode> Joined { get; init; } = [];
}

/// <summary><c>[for x in y: body]</c></summary>
internal sealed record BicepFor(int Line, int Column, BicepNode Body) : BicepNode(Line, Column)
{
    /// <summary>The collection when it is written as an array literal or a name (<c>in [ … ]</c>, <c>in roles</c>); else null.</summary>
    public BicepNode? Collection { get; init; }
}

/// <summary><c>if (condition) body</c></summary>
internal sealed record BicepIf(int Line, int Column, BicepNode Body) : BicepNode(Line, Column);

internal sealed record BicepIdentifier(int Line, int Column, string Name) : BicepNode(Line, Column);

internal sealed record BicepString(int Line, int Column, string? Value) : BicepNode(Line, Column);

/// <summary>Any other expression; <paramref name="Parts"/> are its operands and arguments (a call's, a ternary's), in source order.</summary>
internal sealed record BicepExpression(int Line, int Column, IReadOnlyList<BicepNode>? Parts = null) : BicepNode(Line, Column)
{
    /// <summary>For a ternary (<c>c ? x : y</c>) whose branches are single operands: the value when true and when false.</summary>
    public (BicepNode WhenTrue, BicepNode WhenFalse)? Branches { get; init; }
}

/// <summary>A <c>resource</c> or <c>module</c> declaration.</summary>
internal sealed record BicepResourceDeclaration(
    string SymbolicName,
    string Type,
    string ApiVersion,
    bool IsExisting,
    bool IsModule,
    string? ModulePath,
    int Line,
    int Column,
    BicepNode Value,
    BicepResourceDeclaration? Parent)
{
    /// <summary>The object the declaration's properties are written in, inside any loop or condition.</summary>
    public BicepObject? Body => BicepDocument.Unwrap(Value) as BicepObject;
}

internal sealed record BicepVariable(string Name, int Line, int Column, BicepNode Value);

/// <summary>A file the compiler loads for this one: a <c>module</c> path or an <c>import … from</c> path.</summary>
internal sealed record BicepReference(string Path, int Line, int Column)
{
    /// <summary>Marks an extension named in bicepconfig.json rather than by path.</summary>
    public const string ExtensionPrefix = "extension:";
}
