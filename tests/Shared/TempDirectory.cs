namespace InfraLint.Tests;

/// <summary>A scratch folder that is removed when disposed; <paramref name="name"/> names its last segment (spaces, Unicode).</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? name = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infralint-tests", Guid.NewGuid().ToString("N"), name ?? "work");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Copies the files below <paramref name="from"/> to <paramref name="relative"/> in this folder.</summary>
    public void CopyDirectory(string from, string relative)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, relative, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
