namespace InfraLint.Sdk.Testing;

/// <summary>A finding a testdata file expects: rule id, 1-based line, and column when the marker gives one.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, or null when the marker gives none (any column matches).</param>
/// <param name="Via">The file (a caller or a .bicepparam) through which the finding appears; null when the file shows it on its own.</param>
/// <param name="Alone">True for <c>// expect alone:</c>, a finding of a module analysed on its own that a caller's context
/// shows does not apply (an exemption): it is not expected when the module is analysed through a caller.</param>
public sealed record Expectation(string Id, int Line, int? Column, string? Via = null, bool Alone = false)
{
    /// <summary>True when a finding of <paramref name="id"/> at <paramref name="line"/>,<paramref name="column"/> meets this expectation.</summary>
    public bool Matches(string id, int line, int column) =>
        Id == id && Line == line && (Column is null || Column == column);

    /// <inheritdoc/>
    public override string ToString() => Column is null ? $"{Id} at line {Line}" : $"{Id} at {Line},{Column}";
}
