namespace InfraLint.Core.Bicep;

internal enum BicepTokenKind
{
    Identifier,
    String,
    MultilineString,
    Number,
    Symbol,
    NewLine,
    EndOfFile,
}

/// <summary>A token of Bicep source; <see cref="Text"/> is the literal value for plain strings, the symbol or identifier otherwise.</summary>
internal sealed record BicepToken(BicepTokenKind Kind, string Text, int Line, int Column, bool IsInterpolated = false)
{
    /// <summary>An interpolated string as written between its quotes (<c>${prefix}_KEY</c>); null for other tokens.</summary>
    public string? Written { get; init; }

    public bool Is(string symbol) => Kind == BicepTokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string word) => Kind == BicepTokenKind.Identifier && Text == word;
}
