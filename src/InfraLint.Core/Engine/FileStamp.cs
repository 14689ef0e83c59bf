using System.Security.Cryptography;

namespace InfraLint.Core.Engine;

/// <summary>
/// What a file looked like when a result was computed: length and write time, checked first (one
/// <c>stat</c>), then a SHA-256 of the content, so a touched but unchanged file (a checkout, a
/// formatter that writes the same bytes) keeps its cached result. A missing file has length -1, so
/// creating it later counts as a change.
/// </summary>
internal sealed record FileStamp(string Path, long Length, long Ticks, string? Sha256)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            return new FileStamp(path, -1, 0, null);
        return new FileStamp(path, info.Length, info.LastWriteTimeUtc.Ticks, Hash(path));
    }

    /// <summary>True when the file still has this content; <paramref name="refreshed"/> is set when only its time changed.</summary>
    public bool IsCurrent(out FileStamp refreshed)
    {
        refreshed = this;
        var info = new FileInfo(Path);
        if (!info.Exists)
            return Length == -1;
        if (info.Length != Length)
            return false;
        if (info.LastWriteTimeUtc.Ticks == Ticks)
            return true;
        if (Sha256 is null || Hash(Path) != Sha256)
            return false;
        refreshed = this with { Ticks = info.LastWriteTimeUtc.Ticks };
        return true;
    }

    private static string? Hash(string path)
    {
        if (Inputs.RegularFile.Problem(path) is not null)
            return null; // a FIFO or device is never hashed: opening it could block
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // unreadable now: never matches, so the next run looks again
        }
    }
}
