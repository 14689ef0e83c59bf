using System.Diagnostics;

namespace InfraLint.Core.Config;

/// <summary>
/// git, started with a fixed argument list (never a shell), no terminal prompt, no optional locks and no replace objects;
/// whatever the repository's or user's configuration says, no hook or fsmonitor runs.
/// </summary>
internal static class GitCommand
{
    private static readonly string[] Hardening = ["-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false"];

    public static Process Start(string directory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_NO_REPLACE_OBJECTS"] = "1";
        foreach (var argument in Hardening.Concat(arguments))
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new IOException("git could not be started");
    }

    public static (int Code, byte[] Output) Run(string directory, TimeSpan timeout, params string[] arguments)
    {
        try
        {
            using var process = Start(directory, arguments);
            process.StandardInput.Close();
            using var buffer = new MemoryStream();
            var output = process.StandardOutput.BaseStream.CopyToAsync(buffer);
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, []);
            }
            process.WaitForExit();
            output.Wait();
            _ = error.Result;
            return (process.ExitCode, buffer.ToArray());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, []); // no git
        }
    }
}
