using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using InfraLint.Core.Bicep;

namespace InfraLint.Cli;

/// <summary><c>infralint --version [--bicep PATH]</c>: InfraLint's version and the Bicep compiler a run would use.</summary>
internal static partial class VersionCommand
{
    private static readonly TimeSpan CompilerTimeout = TimeSpan.FromSeconds(15);

    public static int Run(string? explicitBicep)
    {
        Console.Out.WriteLine($"infralint {ToolVersion}");
        var compiler = BicepCompilerLocator.Find(explicitBicep, msbuildBicepPath: null);
        Console.Out.WriteLine(compiler is null
            ? "bicep: not found (" + BicepCompilerLocator.HowToProvide + ")"
            : CompilerVersion(compiler) is { } version ? $"bicep {version} ({compiler})" : $"bicep: '{compiler}' did not report a version");
        return ExitCodes.Clean;
    }

    /// <summary>The package version (the informational version without the source revision).</summary>
    public static string ToolVersion
    {
        get
        {
            var informational = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+');
            return plus < 0 ? informational : informational[..plus];
        }
    }

    /// <summary>Asks the compiler (<c>bicep --version</c>, bounded in time); null when it does not answer with a version.</summary>
    private static string? CompilerVersion(string compiler)
    {
        try
        {
            var info = new ProcessStartInfo(compiler) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("--version");
            using var process = Process.Start(info);
            if (process is null)
                return null;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(CompilerTimeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return VersionPattern().Match(output.Result) is { Success: true } match ? match.Value : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\b\d+\.\d+\.\d+(\.\d+)?\b")]
    private static partial Regex VersionPattern();
}
