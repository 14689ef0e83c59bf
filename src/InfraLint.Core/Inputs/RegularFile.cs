using System.Runtime.InteropServices;
using System.Text;

namespace InfraLint.Core.Inputs;

/// <summary>
/// Reads the files of the analysed tree only when they are regular files of bounded size: a FIFO would block the
/// read for ever and a link to <c>/dev/zero</c> would never end, so both are refused before they are opened.
/// </summary>
public static class RegularFile
{
    /// <summary>The largest file InfraLint reads: 16 MiB, far above any real template (compiled Azure Verified Modules stay
    /// below 2 MiB).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>Why <paramref name="path"/> is not read (it is not a regular file, or it is larger than <see cref="MaxBytes"/>),
    /// or null when it may be.</summary>
    public static string? Problem(string path)
    {
        var kind = Kind(path);
        if (kind is not null && kind != "regular file")
            return $"it is a {kind}, not a regular file, and is not read";
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
            info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        if (!info.Exists)
            return null; // the read itself reports a missing file as it always did
        if (info.Length > MaxBytes)
            return $"it is larger than the {MaxBytes / (1024 * 1024)} MiB InfraLint reads";
        return null;
    }

    /// <summary>The file's text, or an <see cref="InputRefusedException"/> (an <see cref="IOException"/>) saying why it is not read.</summary>
    public static string ReadAllText(string path)
    {
        if (Problem(path) is { } problem)
            throw new InputRefusedException(path, problem);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.SequentialScan);
        // The size may change between the check and the read: never take more than the cap.
        using var content = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (content.Length + n > MaxBytes)
                throw new InputRefusedException(path, $"it is larger than the {MaxBytes / (1024 * 1024)} MiB InfraLint reads");
            content.Write(chunk, 0, n);
        }
        content.Position = 0;
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The file's lines (split as <see cref="File.ReadAllLines(string)"/> does), read as <see cref="ReadAllText"/> reads.</summary>
    public static string[] ReadAllLines(string path)
    {
        var lines = new List<string>();
        using var reader = new StringReader(ReadAllText(path));
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        return lines.ToArray();
    }

    // The file type from stat(2), following links, through the runtime's own native shim (its FileStatus starts with
    // Flags, then Mode); null where that is not available (Windows has no FIFOs or device files in the tree).
    private static string? Kind(string path)
    {
        if (OperatingSystem.IsWindows())
            return null;
        try
        {
            var status = new FileStatusBuffer();
            if (Stat(path, ref status) != 0)
                return null;
            return (status.Mode & 0xF000) switch
            {
                0x8000 => "regular file",
                0x4000 => "directory",
                0x1000 => "FIFO",
                0x2000 => "character device",
                0x6000 => "block device",
                0xC000 => "socket",
                _ => "special file",
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatusBuffer
    {
        public int Flags;
        public int Mode;
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code for this struct; the plain import is enough
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat(string path, ref FileStatusBuffer status);
#pragma warning restore SYSLIB1054
}
