namespace InfraLint.Sdk;

/// <summary>A 1-based position in a source file (a .bicep, .bicepparam or .json file).</summary>
/// <param name="FilePath">Full path of the file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in UTF-16 code units.</param>
public sealed record SourceLocation(string FilePath, int Line, int Column)
{
    /// <summary>The start of <paramref name="filePath"/>, for findings about a whole file.</summary>
    public static SourceLocation StartOf(string filePath) => new(filePath, 1, 1);
}
