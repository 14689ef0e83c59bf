using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// The real compiler behind a bash proxy (a fake process for fault injection and for watching the protocol): every
/// request body is appended to <see cref="Log"/> as it arrives, and a request for <paramref name="hangOn"/> is never answered.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class CompilerProxy
{
    public CompilerProxy(TempDirectory dir, string? hangOn = null)
    {
        Log = System.IO.Path.Combine(dir.Path, "requests.log");
        Path = dir.Write("fake-bicep", $$"""
            #!/bin/bash
            export LC_ALL=C
            coproc REAL { exec '{{TestEnvironment.BicepPath}}' "$@"; }
            frame() { # reads one framed message from fd $1 into $body
              local line len=0
              while IFS= read -r line <&"$1"; do
                line=${line%$'\r'}
                [ -z "$line" ] && break
                case "$line" in Content-Length:*) len=${line#Content-Length: };; esac
              done
              [ "$len" -gt 0 ] || return 1
              IFS= read -r -N "$len" body <&"$1"
            }
            while frame 0; do
              printf '%s\n' "$body" >> '{{Log}}'
              case "$body" in *'"{{hangOn ?? "no such method"}}"'*) exec sleep 600;; esac
              printf 'Content-Length: %d\r\n\r\n%s' "${#body}" "$body" >&"${REAL[1]}"
              frame "${REAL[0]}" || exit 1
              printf 'Content-Length: %d\r\n\r\n%s' "${#body}" "$body"
            done
            """);
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The fake compiler to give the engine.</summary>
    public string Path { get; }

    /// <summary>Every request the engine sent, one JSON body per line.</summary>
    public string Log { get; }

    /// <summary>The requests sent so far.</summary>
    public string[] Requests() => File.Exists(Log) ? File.ReadAllLines(Log) : [];
}
