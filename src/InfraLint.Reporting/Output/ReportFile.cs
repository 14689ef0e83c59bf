using System.Text;

namespace InfraLint.Reporting.Output;

/// <summary>Writes reports as UTF-8 without a byte order mark, never through a symbolic link.</summary>
public static class ReportFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Why <paramref name="path"/> must not be written (a symbolic link, which a pull request can commit to
    /// point anywhere, or something other than a regular file), or null.</summary>
    public static string? Problem(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
            return "it is a symbolic link; InfraLint does not write through one";
        if (Directory.Exists(path))
            return "it is a directory";
        if (info.Exists && Core.Inputs.RegularFile.Problem(path) is { } problem && !problem.Contains("larger", StringComparison.Ordinal))
            return problem.Replace(", and is not read", string.Empty, StringComparison.Ordinal);
        return null;
    }

    /// <summary>Writes <paramref name="text"/> unless the file already holds exactly those bytes, so an unchanged
    /// report keeps its timestamp and incremental builds and file watchers see no change. Returns whether it wrote.
    /// The text goes to a new file beside it that then replaces it: a link put there after the check is replaced, not followed.</summary>
    public static bool WriteIfChanged(string path, string text)
    {
        if (Problem(path) is { } problem)
            throw new IOException($"'{path}': {problem}");
        var bytes = Utf8.GetBytes(text);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return false;
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return true;
    }

    /// <summary>Writes like <see cref="WriteIfChanged"/>; returns null, or what went wrong, naming the file
    /// (<c>cannot write the SARIF file '…': …</c> with <paramref name="what"/>).</summary>
    public static string? TryWrite(string path, string text, string? what = null)
    {
        try
        {
            WriteIfChanged(path, text);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {(what is null ? "" : what + " ")}'{path}': {e.Message}";
        }
    }
}
