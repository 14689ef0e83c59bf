using System.Text;

namespace InfraLint.Core.Output;

/// <summary>Writes reports as UTF-8 without a byte order mark.</summary>
public static class ReportFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> unless the file already holds exactly those bytes, so an unchanged
    /// report keeps its timestamp and incremental builds and file watchers see no change. Returns whether it wrote.</summary>
    public static bool WriteIfChanged(string path, string text)
    {
        var bytes = Utf8.GetBytes(text);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return false;
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            Directory.CreateDirectory(directory);
        File.WriteAllBytes(path, bytes);
        return true;
    }
}
