using System.Text;

namespace InfraLint.Core.Deployments;

/// <summary>
/// A deployment command in a script step: <c>az deployment group|sub|mg|tenant create|what-if|validate</c>,
/// <c>az stack group|sub|mg create</c> or <c>New-Az*Deployment</c>, with what it deploys and where.
/// </summary>
/// <param name="Line">0-based line of the command within the script (its first line when continued).</param>
/// <param name="ParameterFiles">Parameters files named by <c>--parameters @file</c>, <c>-p file</c>, <c>-TemplateParameterFile</c>.</param>
/// <param name="Inline">Values named inline (<c>-p name=value</c>, <c>-name value</c>), as written.</param>
internal sealed record DeploymentCommand(int Line, string? Template, IReadOnlyList<string> ParameterFiles,
    IReadOnlyList<KeyValuePair<string, string>> Inline, string? ResourceGroup, string? Subscription, string? Location)
{
    private const int MaxScriptLength = 256 * 1024;

    private static readonly HashSet<string> AzDeploymentScopes = new(StringComparer.Ordinal) { "group", "sub", "mg", "tenant" };
    private static readonly HashSet<string> AzDeploymentVerbs = new(StringComparer.Ordinal) { "create", "what-if", "validate" };
    private static readonly HashSet<string> AzStackScopes = new(StringComparer.Ordinal) { "group", "sub", "mg" };

    private static readonly HashSet<string> PowerShellCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "New-AzResourceGroupDeployment", "New-AzDeployment", "New-AzSubscriptionDeployment", "New-AzManagementGroupDeployment",
        "New-AzTenantDeployment", "Test-AzResourceGroupDeployment", "Test-AzDeployment", "Test-AzSubscriptionDeployment",
    };

    // New-Az*Deployment's own parameters; any other -Name value pair is a template parameter.
    private static readonly HashSet<string> PowerShellOwnParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "Mode", "DeploymentDebugLogLevel", "Tag", "TemplateParameterObject", "TemplateParameterUri", "TemplateUri", "TemplateSpecId",
        "ManagementGroupId", "DefaultProfile", "ErrorAction", "ErrorVariable", "WarningAction", "InformationAction", "OutVariable",
        "QueryString", "ProceedIfDiffFails", "RollBackDeploymentName", "DeploymentName", "ValidationLevel",
    };

    private static readonly HashSet<string> PowerShellSwitches = new(StringComparer.OrdinalIgnoreCase)
    {
        "Force", "Verbose", "WhatIf", "AsJob", "Confirm", "SkipTemplateParameterPrompt", "RollbackToLastDeployment", "Debug", "Pre",
    };

    /// <summary>The deployment commands of a script; anything else in it is ignored.</summary>
    public static IReadOnlyList<DeploymentCommand> Parse(string? script)
    {
        var found = new List<DeploymentCommand>();
        if (string.IsNullOrEmpty(script) || script.Length > MaxScriptLength)
            return found;
        foreach (var (line, text) in LogicalLines(script))
        {
            foreach (var command in Commands(Tokens(text)))
            {
                if ((FromAz(command, line) ?? FromPowerShell(command, line)) is { } parsed)
                    found.Add(parsed);
            }
        }
        return found;
    }

    /// <summary>Physical lines joined where a command continues (<c>\</c> in shells, a backtick in PowerShell), with the first line's index.</summary>
    private static IEnumerable<(int Line, string Text)> LogicalLines(string script)
    {
        var lines = script.Replace("\r\n", "\n").Split('\n');
        var builder = new StringBuilder();
        var start = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (start < 0)
                start = i;
            if (line.EndsWith('\\') || line.EndsWith('`'))
            {
                builder.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }
            builder.Append(line);
            yield return (start, builder.ToString());
            builder.Clear();
            start = -1;
        }
        if (start >= 0)
            yield return (start, builder.ToString());
    }

    /// <summary>Shell-like words: quotes group, <c>${{ … }}</c> is one word, a '#' starting a word begins a comment; ';', '&amp;&amp;', '||' and '|' end a command (a ";" word).</summary>
    internal static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else
                    current.Append(c);
                continue;
            }
            // A pipeline expression is one word, spaces and all: ${{ secrets.KEY }}.
            if (c == '$' && string.CompareOrdinal(line, i, "${{", 0, 3) == 0 && line.IndexOf("}}", i, StringComparison.Ordinal) is var end and > 0)
            {
                current.Append(line, i, end + 2 - i);
                i = end + 1;
                inWord = true;
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
                continue;
            }
            if (char.IsWhiteSpace(c) || c is ';' or '|' or '&')
            {
                Flush();
                if (c is ';' or '|' or '&')
                {
                    tokens.Add(";");
                    while (i + 1 < line.Length && line[i + 1] is '|' or '&')
                        i++;
                }
                continue;
            }
            if (c == '#' && !inWord)
                break;
            current.Append(c);
            inWord = true;
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (inWord)
                tokens.Add(current.ToString());
            current.Clear();
            inWord = false;
        }
    }

    private static IEnumerable<List<string>> Commands(List<string> tokens)
    {
        var command = new List<string>();
        foreach (var token in tokens)
        {
            if (token == ";")
            {
                if (command.Count > 0)
                    yield return command;
                command = new List<string>();
            }
            else
            {
                command.Add(token);
            }
        }
        if (command.Count > 0)
            yield return command;
    }

    private static DeploymentCommand? FromAz(List<string> words, int line)
    {
        var at = words.IndexOf("az");
        if (at < 0 || at + 3 >= words.Count)
            return null;
        var isDeployment = words[at + 1] == "deployment" && AzDeploymentScopes.Contains(words[at + 2]) && AzDeploymentVerbs.Contains(words[at + 3]);
        var isStack = words[at + 1] == "stack" && AzStackScopes.Contains(words[at + 2]) && words[at + 3] == "create";
        if (!isDeployment && !isStack)
            return null;
        string? template = null, group = null, subscription = null, location = null;
        var files = new List<string>();
        var inline = new List<KeyValuePair<string, string>>();
        for (var i = at + 4; i < words.Count; i++)
        {
            var (option, attached) = SplitOption(words[i]);
            string? Next() => attached ?? (i + 1 < words.Count ? words[++i] : null);
            switch (option)
            {
                case "--template-file" or "-f":
                    template = Next();
                    break;
                case "--resource-group" or "-g":
                    group = Next();
                    break;
                case "--subscription":
                    subscription = Next();
                    break;
                case "--location" or "-l":
                    location = Next();
                    break;
                case "--parameters" or "-p":
                    if (attached is not null)
                        AddParameter(attached, files, inline);
                    while (i + 1 < words.Count && !words[i + 1].StartsWith('-'))
                        AddParameter(words[++i], files, inline);
                    break;
            }
        }
        return new DeploymentCommand(line, template, files, inline, group, subscription, location);
    }

    private static (string Option, string? Value) SplitOption(string word)
    {
        if (!word.StartsWith("--", StringComparison.Ordinal))
            return (word, null);
        var equals = word.IndexOf('=');
        return equals < 0 ? (word, null) : (word[..equals], word[(equals + 1)..]);
    }

    private static void AddParameter(string word, List<string> files, List<KeyValuePair<string, string>> inline)
    {
        if (word.StartsWith('@'))
            files.Add(word[1..]);
        else if (word.StartsWith('{') || word.Contains("://", StringComparison.Ordinal))
            return; // inline JSON and URLs: not files of this repository
        else if (word.IndexOf('=') is > 0 and var equals && !word[..equals].Contains('/'))
            inline.Add(new(word[..equals], word[(equals + 1)..]));
        else if (word.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".jsonc", StringComparison.OrdinalIgnoreCase))
            files.Add(word);
    }

    private static DeploymentCommand? FromPowerShell(List<string> words, int line)
    {
        var at = words.FindIndex(PowerShellCommands.Contains);
        if (at < 0)
            return null;
        string? template = null, group = null, location = null;
        var files = new List<string>();
        var inline = new List<KeyValuePair<string, string>>();
        for (var i = at + 1; i < words.Count; i++)
        {
            if (!words[i].StartsWith('-') || words[i].Length < 2)
                continue;
            var name = words[i][1..].TrimEnd(':');
            if (PowerShellSwitches.Contains(name))
                continue;
            var value = i + 1 < words.Count && !words[i + 1].StartsWith('-') ? words[++i] : null;
            if (value is null)
                continue;
            if (name.Equals("TemplateFile", StringComparison.OrdinalIgnoreCase))
                template = value;
            else if (name.Equals("TemplateParameterFile", StringComparison.OrdinalIgnoreCase))
                files.Add(value);
            else if (name.Equals("ResourceGroupName", StringComparison.OrdinalIgnoreCase))
                group = value;
            else if (name.Equals("Location", StringComparison.OrdinalIgnoreCase))
                location = value;
            else if (!PowerShellOwnParameters.Contains(name))
                inline.Add(new(name, value));
        }
        return new DeploymentCommand(line, template, files, inline, group, null, location);
    }
}
