using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace InfraLint.Cli;

/// <summary>Parses the command line against <see cref="CliCommands"/> and runs the command; a usage error is exit 2 with its reason, never a stack trace.</summary>
internal static class CommandLine
{
    // No response files: `check @infra` names a folder, as it always did, and reads no file of arguments.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    // An exception is not a finding: not the default handler (exit 1) but Run's own (exit 2, no message text).
    // Ctrl+C is the analysis's own business (it stops the compiler on the way out).
    private static readonly InvocationConfiguration Invocation = new() { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };

    public static int Run(string[] args)
    {
        var root = CliCommands.Create();
        if (args.Length == 0)
        {
            root.Parse("--help").Invoke(new InvocationConfiguration { Output = Console.Error });
            return ExitCodes.UsageOrInputError;
        }
        var result = root.Parse(args, Parsing);
        if (result.Action is not HelpAction && UsageErrors(result, root) is { Count: > 0 } errors)
        {
            foreach (var error in errors)
                Console.Error.WriteLine("infralint: " + error);
            Console.Error.WriteLine($"infralint: see '{CommandPath(result.CommandResult)} --help'");
            return ExitCodes.UsageOrInputError;
        }
        try
        {
            return result.Invoke(Invocation);
        }
        catch (Exception e)
        {
            // A defect of InfraLint, not of the input: exit 2 ("could not analyse"), never 1, which scripts read as findings.
            // Only the exception's type and frames are printed: its message may quote a template's value.
            Console.Error.WriteLine($"infralint: internal error ({e.GetType().FullName}); the report may be missing or incomplete. Please report it with the lines below.");
            Console.Error.WriteLine(e.StackTrace);
            return ExitCodes.UsageOrInputError;
        }
    }

    private static IReadOnlyList<string> UsageErrors(ParseResult result, RootCommand root)
    {
        var command = result.CommandResult;
        if (result.GetValue(CliSymbols.ShowVersion))
        {
            var extra = command.Command == root ? result.UnmatchedTokens.FirstOrDefault() : command.Command.Name;
            return extra is null && result.Errors.Count == 0 ? [] : [$"--version takes only --bicep PATH (got '{extra ?? result.Errors[0].Message}')"];
        }
        if (command.Command == root)
            return [result.UnmatchedTokens.FirstOrDefault() is { } unknown ? $"unknown command '{unknown}'" : "a command is needed: check, baseline create, graph, deployments, diff or merge"];
        if (command.Command.Action is null)
            return [$"{command.Command.Name} takes the subcommand {string.Join(" or ", command.Command.Subcommands.Select(c => $"'{c.Name}'"))}"];

        var verb = CommandPath(command)["infralint ".Length..];
        var errors = new List<string>();
        // Without --, a word that begins with '-' is an option, and one this command does not know is a mistake, not a path.
        var tokens = result.Tokens.ToList();
        var doubleDash = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        foreach (var path in PathTokens(result))
        {
            var position = tokens.FindIndex(t => ReferenceEquals(t, path));
            if (path.Value.Length > 1 && path.Value[0] == '-' && (doubleDash < 0 || position < doubleDash))
                errors.Add($"unknown option '{path.Value}' for {verb} (put -- before a path that begins with '-')");
        }
        // The parser's own messages for these say the same less clearly.
        foreach (var unmatched in result.UnmatchedTokens)
            errors.Add(unmatched.StartsWith('-') ? $"unknown option '{unmatched}' for {verb}" : $"{verb} takes one repository path (got '{unmatched}' too)");
        var missingPaths = command.Command.Arguments.Contains(CliSymbols.Paths) && PathTokens(result).Count == 0;
        if (missingPaths)
            errors.Add($"{verb} needs at least one file or directory");
        var parserErrors = result.Errors
            .Where(e => !(missingPaths && e.SymbolResult is ArgumentResult { Argument: var a } && a == CliSymbols.Paths))
            .Where(e => !e.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal))
            .Select(e => e.Message);
        return errors.Concat(parserErrors).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<Token> PathTokens(ParseResult result) =>
        (result.GetResult(CliSymbols.Paths)?.Tokens ?? []).Concat(result.GetResult(CliSymbols.RepositoryPath)?.Tokens ?? []).ToList();

    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent ? $"{CommandPath(parent)} {command.Command.Name}" : "infralint";
}
