namespace InfraLint.Core.Engine;

/// <summary>A file to analyse. <paramref name="Explicit"/> files were named by the user: a JSON file
/// that is not a template is reported instead of skipped.</summary>
public sealed record InputFile(string Path, bool Explicit = false);
