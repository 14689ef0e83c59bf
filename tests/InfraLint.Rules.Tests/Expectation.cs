namespace InfraLint.Rules.Tests;

/// <summary>A finding a testdata file expects: rule id, 1-based line, and column when the marker gives one.</summary>
internal sealed record Expectation(string Id, int Line, int? Column)
{
    /// <summary>The file name of a file the template loads, when the finding is expected there; null for the template itself.</summary>
    public string? File { get; init; }

    public bool Matches(string id, int line, int column) =>
        Id == id && Line == line && (Column is null || Column == column);

    public override string ToString() => $"{Id} at {(File is null ? "" : File + ":")}" + (Column is null ? $"line {Line}" : $"{Line},{Column}");
}
