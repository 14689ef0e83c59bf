using System.Globalization;
using InfraLint.Sdk;

namespace InfraLint.Cli;

/// <summary>Parses <c>check</c> arguments; a usage error is returned as text, never thrown.</summary>
internal static class ArgumentParser
{
    public const string Usage =
        """
        Usage: infralint check <path>... [options]

        Analyses Bicep (.bicep) and ARM JSON templates; directories are searched recursively
        (bin/ and obj/ are skipped).

        Options:
          --fail-level error|warning|note|none   lowest severity that makes the exit code 1 (default: warning)
          --bicep PATH                            the Bicep compiler to use (default: bicep on PATH, then ~/.azure/bin/bicep)
          --format text                           output format (text: path(line,col): warning ID: message)
          --output FILE                           write the report to FILE instead of standard output
          --restore                               let the compiler restore registry modules (needs network)
          --timeout SECONDS                       per-file compile timeout (default: 60)

        Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage, configuration or input errors.
        """;

    public static (CliOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
            return (null, null);
        if (args[0] != "check")
            return (null, $"unknown command '{args[0]}'");

        var paths = new List<string>();
        Severity? failLevel = Severity.Warning;
        string? bicep = null, output = null;
        var restore = false;
        var timeout = TimeSpan.FromSeconds(60);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--fail-level":
                    var level = Value();
                    if (level is null || !TryParseLevel(level, out failLevel))
                        return (null, $"--fail-level takes error, warning, note or none (got '{level}')");
                    break;
                case "--bicep":
                    bicep = Value() ?? string.Empty;
                    if (bicep.Length == 0)
                        return (null, "--bicep takes the path of the Bicep compiler");
                    break;
                case "--format":
                    var format = Value();
                    if (format != "text")
                        return (null, $"--format '{format}' is not supported; use text");
                    break;
                case "--output":
                    output = Value();
                    if (string.IsNullOrEmpty(output))
                        return (null, "--output takes a file path");
                    break;
                case "--restore":
                    restore = true;
                    break;
                case "--timeout":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                        return (null, "--timeout takes a positive number of seconds");
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                        return (null, $"unknown option '{arg}'");
                    paths.Add(arg);
                    break;
            }
        }
        if (paths.Count == 0)
            return (null, "check needs at least one file or directory");
        return (new CliOptions(paths, failLevel, bicep, output, restore, timeout), null);
    }

    private static bool TryParseLevel(string text, out Severity? level)
    {
        level = text switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "note" => Severity.Suggestion,
            "none" => null,
            _ => Severity.None,
        };
        return level != Severity.None;
    }
}
