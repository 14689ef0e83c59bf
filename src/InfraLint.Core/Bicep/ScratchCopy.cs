using System.Globalization;
using System.Text;

namespace InfraLint.Core.Bicep;

/// <summary>A dependency a file was analysed without: where the file references it, what it is and why it could not be had.</summary>
internal sealed record OpaqueDependency(string File, int Line, int Column, string Reference, string Reason);

/// <summary>
/// What the compiler compiles when a file depends on something it cannot have (a registry module, type import or extension
/// that is not restored, a local module with compile errors): a copy of the file beside it in which each such reference
/// is rewritten, within its own line, to a generated local stand-in that declares what the file uses of it (the params it
/// passes, the outputs it reads, the types, variables and functions it imports), all typed <c>any</c>. Line numbers stay
/// those of the real file, so the compiled result maps back to it; the stand-ins claim nothing about what the dependency
/// does. Local files that reach such a dependency get copies too. Every file written is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed class ScratchCopy : IDisposable
{
    private const int MaxDepth = 32;
    private const string Prefix = ".infralint-";
    private static int counter;

    private readonly UnrestoredModules availability;
    private readonly IReadOnlySet<string> broken;
    private readonly Dictionary<string, string> scratchOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> originals = new(StringComparer.Ordinal);
    private readonly List<string> written = new();
    private readonly List<OpaqueDependency> opaque = new();

    private ScratchCopy(string entry, UnrestoredModules availability, IReadOnlySet<string> broken)
    {
        this.availability = availability;
        this.broken = broken;
        Entry = entry;
    }

    /// <summary>The file to compile: the entry itself when it needs no stand-in.</summary>
    public string Entry { get; private set; }

    /// <summary>Every dependency replaced by a stand-in, in the file that references it.</summary>
    public IReadOnlyList<OpaqueDependency> Opaque => opaque;

    /// <summary>An extension that cannot be had: its resources have no stand-in, so the file cannot be compiled.</summary>
    public OpaqueDependency? UnavailableExtension { get; private set; }

    /// <summary>Writes the scratch copies <paramref name="entry"/> needs, or none when it needs none.</summary>
    public static ScratchCopy Create(string entry, UnrestoredModules availability, IReadOnlySet<string> broken)
    {
        var copy = new ScratchCopy(entry, availability, broken);
        if (!availability.NeedsScratch(entry, broken))
            return copy;
        try
        {
            copy.Entry = copy.Copy(entry, 0);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The real file a path the compiler reported (a scratch copy or a stand-in) stands for.</summary>
    public string Original(string path) => originals.TryGetValue(path, out var original) ? original : path;

    public void Dispose()
    {
        foreach (var file in written)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a file that cannot be deleted is named like a hidden scratch file.
            }
        }
        written.Clear();
    }

    private string Copy(string file, int depth)
    {
        if (scratchOf.TryGetValue(file, out var existing))
            return existing;
        var scratch = NewPath(file, Path.GetExtension(file));
        scratchOf[file] = scratch; // before the references, so that a cycle points at this copy
        originals[scratch] = file;
        var text = File.ReadAllText(file);
        var tokens = BicepLexer.Tokenize(text);
        var document = BicepParser.Parse(text);
        var edits = new List<(BicepToken Token, string Path)>();
        foreach (var reference in document.References.Append(document.Using).OfType<BicepReference>())
        {
            var (keyword, target) = Find(tokens, reference);
            if (target is null)
                continue;
            string? replacement = null;
            if (availability.Unavailable(reference.Path, file) is { } reason)
            {
                var dependency = new OpaqueDependency(file, reference.Line, reference.Column, Shown(reference.Path), reason);
                if (keyword == "extension")
                {
                    UnavailableExtension ??= dependency;
                    continue;
                }
                opaque.Add(dependency);
                replacement = StandIn(file, keyword == "module" ? ModuleStandIn(text, tokens, document, reference) : ImportStandIn(tokens, target));
            }
            else if (UnrestoredModules.LocalTarget(file, reference.Path) is { } local)
            {
                if (broken.Contains(local))
                {
                    opaque.Add(new OpaqueDependency(file, reference.Line, reference.Column, reference.Path, "it has compile errors"));
                    replacement = StandIn(file, keyword == "module" ? ModuleStandIn(text, tokens, document, reference) : ImportStandIn(tokens, target));
                }
                else if (depth < MaxDepth && availability.NeedsScratch(local, broken))
                {
                    replacement = Copy(local, depth + 1);
                }
            }
            if (replacement is not null)
                edits.Add((target, Relative(file, replacement)));
        }
        Write(scratch, Edit(text, edits));
        return scratch;
    }

    private static string Shown(string path) =>
        path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal) ? path[BicepReference.ExtensionPrefix.Length..] : path;

    private string StandIn(string file, string content)
    {
        var path = NewPath(file, ".bicep");
        originals[path] = file;
        Write(path, content);
        return path;
    }

    private static string NewPath(string besideFile, string extension) =>
        Path.Combine(Path.GetDirectoryName(besideFile)!, string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{Environment.ProcessId}-{Interlocked.Increment(ref counter)}{(extension == ".bicepparam" ? ".bicepparam" : ".bicep")}"));

    private void Write(string path, string content)
    {
        written.Add(path);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(content);
    }

    // The statement keyword at the reference and the token that names what it loads (the path string, or the extension's name).
    private static (string? Keyword, BicepToken? Target) Find(IReadOnlyList<BicepToken> tokens, BicepReference reference)
    {
        var start = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Line == reference.Line && tokens[i].Column == reference.Column)
            {
                start = i;
                break;
            }
        }
        if (start < 0)
            return (null, null);
        var keyword = tokens[start].Text;
        var wanted = Shown(reference.Path);
        for (var i = start + 1; i < tokens.Count && i < start + 4096; i++)
        {
            var token = tokens[i];
            if (token.Kind is BicepTokenKind.String or BicepTokenKind.Identifier && token.Text == wanted && !token.IsInterpolated &&
                (keyword != "extension" || i == start + 1))
                return (keyword, token);
            if (keyword != "import" && token.Kind == BicepTokenKind.NewLine)
                break;
        }
        return (keyword, null);
    }

    // Replaces each target token by a quoted path, within its own line.
    private static string Edit(string text, List<(BicepToken Token, string Path)> edits)
    {
        var lineStarts = new List<int> { text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            if (text[i] is '\n' or '\r')
                lineStarts.Add(i + 1);
        }
        var result = new StringBuilder(text);
        foreach (var (token, path) in edits.OrderByDescending(e => e.Token.Line).ThenByDescending(e => e.Token.Column))
        {
            var start = lineStarts[token.Line - 1] + token.Column - 1;
            var end = start + 1;
            if (token.Kind == BicepTokenKind.String)
            {
                while (end < text.Length && text[end] != '\'' && text[end] is not ('\n' or '\r'))
                    end += text[end] == '\\' ? 2 : 1;
                end = Math.Min(end + 1, text.Length);
            }
            else
            {
                end = start + token.Text.Length;
            }
            result.Remove(start, end - start).Insert(start, Quoted(path));
        }
        return result.ToString();
    }

    private static string Relative(string fromFile, string target) =>
        Path.GetRelativePath(Path.GetDirectoryName(fromFile)!, target).Replace('\\', '/');

    private static string Quoted(string path) =>
        "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal) + "'";

    // A module: the params the caller passes, every output the file reads from any module, typed any; the scope the caller deploys it to.
    private static string ModuleStandIn(string text, IReadOnlyList<BicepToken> tokens, BicepDocument document, BicepReference reference)
    {
        var declaration = document.Resources.FirstOrDefault(r => r.IsModule && r.Line == reference.Line && r.Column == reference.Column);
        var body = declaration?.Body;
        var builder = new StringBuilder();
        var scope = body?.Properties.LastOrDefault(p => p.Key == "scope") is { } scopeProperty
            ? ScopeOf(tokens, scopeProperty.Value)
            : CallerScope(tokens);
        if (scope != "resourceGroup")
            builder.Append("targetScope = '").Append(scope).Append("'\n");
        var parameters = body?.Properties.LastOrDefault(p => p.Key == "params") is { } p ? BicepDocument.Unwrap(p.Value) as BicepObject : null;
        foreach (var name in (parameters?.Properties.Select(p => p.Key).OfType<string>() ?? []).Distinct(StringComparer.Ordinal))
            builder.Append("param ").Append(Identifier(name)).Append(" any\n");
        foreach (var name in OutputsRead(tokens))
            builder.Append("output ").Append(name).Append(" any = null\n");
        return builder.ToString();
    }

    // Bicep identifiers need no quoting; other property names cannot be params at all (the compiler says so).
    private static string Identifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : "_invalid";

    private static IEnumerable<string> OutputsRead(IReadOnlyList<BicepToken> tokens)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (!tokens[i].IsKeyword("outputs") || i == 0 || !(tokens[i - 1].Is(".") || tokens[i - 1].Is(".?")))
                continue;
            var next = tokens[i + 1];
            var name = (next.Is(".") || next.Is(".?")) && tokens[i + 2].Kind == BicepTokenKind.Identifier ? tokens[i + 2].Text
                : next.Is("[") && tokens[i + 2] is { Kind: BicepTokenKind.String, IsInterpolated: false } key ? key.Text
                : null;
            if (name is not null && Identifier(name) == name)
                names.Add(name);
        }
        return names;
    }

    private static string ScopeOf(IReadOnlyList<BicepToken> tokens, BicepNode value)
    {
        var first = tokens.FirstOrDefault(t => t.Line == value.Line && t.Column == value.Column);
        return first?.Text switch
        {
            "subscription" => "subscription",
            "managementGroup" => "managementGroup",
            "tenant" => "tenant",
            _ => "resourceGroup",
        };
    }

    private static string CallerScope(IReadOnlyList<BicepToken> tokens)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].IsKeyword("targetScope") && tokens[i + 1].Is("=") && tokens[i + 2].Kind == BicepTokenKind.String &&
                tokens[i + 2].Text is "subscription" or "managementGroup" or "tenant")
                return tokens[i + 2].Text;
        }
        return "resourceGroup";
    }

    // An import: each name it takes (or, for `import * as ns`, each ns.member the file uses), as a type, a variable or
    // a function according to where the file uses it.
    private static string ImportStandIn(IReadOnlyList<BicepToken> tokens, BicepToken target)
    {
        var at = IndexOf(tokens, target);
        var start = at;
        while (start > 0 && !tokens[start].IsKeyword("import"))
            start--;
        var exported = new Dictionary<string, string>(StringComparer.Ordinal); // local name → exported name
        string? alias = null;
        for (var i = start + 1; i < at; i++)
        {
            if (tokens[i].Is("*") && tokens[i + 1].IsKeyword("as") && tokens[i + 2].Kind == BicepTokenKind.Identifier)
                alias = tokens[i + 2].Text;
            else if (tokens[i].Kind == BicepTokenKind.Identifier && tokens[i].Text is not ("as" or "from") && !tokens[i - 1].IsKeyword("as"))
                exported[tokens[i + 1].IsKeyword("as") && tokens[i + 2].Kind == BicepTokenKind.Identifier ? tokens[i + 2].Text : tokens[i].Text] = tokens[i].Text;
        }
        var builder = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, use) in ImportedUses(tokens, exported.Keys.ToHashSet(StringComparer.Ordinal), alias))
        {
            var exportName = alias is null ? exported.GetValueOrDefault(name, name) : name;
            if (!written.Add(exportName))
                continue;
            builder.Append("@export()\n");
            builder.Append(use.Kind switch
            {
                UseKind.Variable => $"var {exportName} = any(null)\n",
                UseKind.Function => $"func {exportName}({string.Join(", ", Enumerable.Range(0, use.Arguments).Select(a => $"a{a} any"))}) any => any(null)\n",
                _ => $"type {exportName} = any\n",
            });
        }
        foreach (var (local, exportName) in exported)
        {
            if (written.Add(exportName))
                builder.Append("@export()\ntype ").Append(exportName).Append(" = any\n");
        }
        return builder.ToString();
    }

    private static int IndexOf(IReadOnlyList<BicepToken> tokens, BicepToken token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
                return i;
        }
        return 0;
    }

    private enum UseKind { Type, Variable, Function }

    // Where each imported name is used: in a type (param/output types, type declarations, function signatures), as a
    // value, or called. The first use decides.
    private static IEnumerable<(string Name, (UseKind Kind, int Arguments) Use)> ImportedUses(IReadOnlyList<BicepToken> tokens, HashSet<string> names, string? alias)
    {
        var uses = new Dictionary<string, (UseKind, int)>(StringComparer.Ordinal);
        var depth = 0;
        var statementStart = true;
        var inType = false;
        var statement = string.Empty;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == BicepTokenKind.NewLine)
            {
                statementStart |= depth == 0;
                continue;
            }
            if (statementStart)
            {
                statementStart = false;
                statement = token.Text;
                inType = statement is "param" or "output" or "type" or "func";
            }
            if (token.Kind == BicepTokenKind.Symbol)
            {
                depth += token.Text is "(" or "[" or "{" ? 1 : token.Text is ")" or "]" or "}" ? -1 : 0;
                depth = Math.Max(0, depth);
                if (token.Text == "=" && statement is "param" or "output" && depth == 0 || token.Text == "=>" && statement == "func" && depth == 0)
                    inType = false;
                continue;
            }
            if (statement == "import" || token.Kind != BicepTokenKind.Identifier || i > 0 && (tokens[i - 1].Is(".") || tokens[i - 1].Is(".?")))
                continue;
            string? name = null;
            var after = i + 1;
            if (alias is not null && token.Text == alias && i + 2 < tokens.Count && tokens[i + 1].Is(".") && tokens[i + 2].Kind == BicepTokenKind.Identifier)
            {
                name = tokens[i + 2].Text;
                after = i + 3;
            }
            else if (alias is null && names.Contains(token.Text))
            {
                name = token.Text;
            }
            if (name is null || uses.ContainsKey(name))
                continue;
            uses[name] = after < tokens.Count && tokens[after].Is("(") ? (UseKind.Function, Arguments(tokens, after))
                : inType ? (UseKind.Type, 0) : (UseKind.Variable, 0);
        }
        return uses.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => (u.Key, u.Value));
    }

    private static int Arguments(IReadOnlyList<BicepToken> tokens, int open)
    {
        var depth = 0;
        var count = 0;
        var any = false;
        for (var i = open; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Is("(") || token.Is("[") || token.Is("{"))
                depth++;
            else if (token.Is(")") || token.Is("]") || token.Is("}"))
            {
                if (--depth == 0)
                    break;
            }
            else if (token.Is(",") && depth == 1)
                count++;
            else if (token.Kind != BicepTokenKind.NewLine && depth >= 1)
                any = true;
        }
        return any ? count + 1 : 0;
    }
}
