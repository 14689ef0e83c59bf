namespace InfraLint.Rules.Tests;

/// <summary>
/// A finding a testdata file expects: rule id, 1-based line, and column when the marker gives one.
/// <paramref name="Via"/> names the file (a caller or a .bicepparam) through which the finding appears;
/// null when the file shows it on its own.
/// </summary>
internal sealed record Expectation(string Id, int Line, int? Column, string? Via = null)
{
    public bool Matches(string id, int line, int column) =>
        Id == id && Line == line && (Column is null || Column == column);

    public override string ToString() => Column is null ? $"{Id} at line {Line}" : $"{Id} at {Line},{Column}";
}
