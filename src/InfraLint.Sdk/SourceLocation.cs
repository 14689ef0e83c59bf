namespace InfraLint.Sdk;

/// <summary>A 1-based position in a source file (a .bicep, .bicepparam or .json file).</summary>
/// <param name="FilePath">Full path of the file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in UTF-16 code units.</param>
/// <param name="EndColumn">1-based column just after the token that starts there (on the same line); 0 when unknown.</param>
public sealed record SourceLocation(string FilePath, int Line, int Column, int EndColumn = 0)
{
    /// <summary>The start of <paramref name="filePath"/>, for findings about a whole file.</summary>
    public static SourceLocation StartOf(string filePath) => new(filePath, 1, 1);
}
