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
/// does. An extension that cannot be had is removed and the resources of its types become opaque values. Local files
/// that reach such a dependency get copies too. Every file written is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed partial class ScratchCopy : IDisposable
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
        var text = Inputs.RegularFile.ReadAllText(file);
        var tokens = BicepLexer.Tokenize(text);
        var document = BicepParser.Parse(text);
        var lines = LineStarts(text);
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var reference in document.References.Append(document.Using).OfType<BicepReference>())
        {
            var (keyword, target) = Find(tokens, reference);
            if (target is null)
                continue;
            string? replacement = null;
            if (availability.Unavailable(reference.Path, file) is { } reason)
            {
                opaque.Add(new OpaqueDependency(file, reference.Line, reference.Column, Shown(reference.Path), reason));
                if (keyword == "extension")
                {
                    edits.AddRange(WithoutExtension(text, lines, tokens, document, target));
                    continue;
                }
                replacement = StandIn(file, keyword == "module" ? ModuleStandIn(tokens, document, reference) : ImportStandIn(tokens, target));
            }
            else if (UnrestoredModules.LocalTarget(file, reference.Path) is { } local)
            {
                if (broken.Contains(local))
                {
                    opaque.Add(new OpaqueDependency(file, reference.Line, reference.Column, reference.Path, "it has compile errors"));
                    replacement = StandIn(file, keyword == "module" ? ModuleStandIn(tokens, document, reference) : ImportStandIn(tokens, target));
                }
                else if (depth < MaxDepth && availability.NeedsScratch(local, broken))
                {
                    replacement = Copy(local, depth + 1);
                }
            }
            if (replacement is not null)
            {
                var (start, end) = Extent(text, lines, target);
                edits.Add((start, end, Quoted(Relative(file, replacement))));
            }
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

    private static List<int> LineStarts(string text)
    {
        var lineStarts = new List<int> { text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            if (text[i] is '\n' or '\r')
                lineStarts.Add(i + 1);
        }
        return lineStarts;
    }

    private static int Offset(List<int> lines, BicepToken token) => lines[token.Line - 1] + token.Column - 1;

    // Where a token is in the text: a string literal up to its closing quote.
    private static (int Start, int End) Extent(string text, List<int> lines, BicepToken token)
    {
        var start = Offset(lines, token);
        if (token.Kind != BicepTokenKind.String)
            return (start, start + token.Text.Length);
        var end = start + 1;
        while (end < text.Length && text[end] != '\'' && text[end] is not ('\n' or '\r'))
            end += text[end] == '\\' ? 2 : 1;
        return (start, Math.Min(end + 1, text.Length));
    }

    // Applies the edits; none of them adds or removes a line break.
    private static string Edit(string text, List<(int Start, int End, string Text)> edits)
    {
        var result = new StringBuilder(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start))
            result.Remove(start, end - start).Insert(start, replacement);
        return result.ToString();
    }

    /// <summary>
    /// An extension that cannot be had: its statement is blanked (line breaks kept), and each of the file's resources whose
    /// API version is not an ARM date (<c>'Microsoft.Graph/applications@v1.0'</c>, <c>'apps/Deployment@v1'</c>) becomes an
    /// opaque value, <c>var app = any({ … })</c>, so that what refers to it (<c>app.appId</c>) still compiles and
    /// nothing of it is analysed.
    /// </summary>
    private static IEnumerable<(int Start, int End, string Text)> WithoutExtension(string text, List<int> lines, IReadOnlyList<BicepToken> tokens,
        BicepDocument document, BicepToken target)
    {
        var at = IndexOf(tokens, target) - 1;
        var end = at;
        for (var depth = 0; end < tokens.Count && !(tokens[end].Kind is BicepTokenKind.NewLine or BicepTokenKind.EndOfFile && depth == 0); end++)
            depth += tokens[end].Is("{") || tokens[end].Is("(") || tokens[end].Is("[") ? 1 : tokens[end].Is("}") || tokens[end].Is(")") || tokens[end].Is("]") ? -1 : 0;
        var from = Offset(lines, tokens[at]);
        var to = end < tokens.Count && tokens[end].Kind != BicepTokenKind.EndOfFile ? Offset(lines, tokens[end]) : text.Length;
        yield return (from, to, new string(text[from..to].Select(c => c is '\n' or '\r' ? c : ' ').ToArray()));

        foreach (var resource in document.Resources.Where(r => !r.IsModule && r.Parent is null && !ArmApiVersion().IsMatch(r.ApiVersion)))
        {
            var keyword = tokens.Select((t, i) => (Token: t, Index: i)).FirstOrDefault(t => t.Token.Line == resource.Line && t.Token.Column == resource.Column && t.Token.IsKeyword("resource"));
            if (keyword.Token is null)
                continue;
            var assign = keyword.Index;
            while (assign < tokens.Count && !tokens[assign].Is("=") && tokens[assign].Kind != BicepTokenKind.NewLine)
                assign++;
            if (assign + 1 >= tokens.Count || !(tokens[assign + 1].Is("{") || tokens[assign + 1].Is("[")))
                continue; // a condition (`= if (…) {`) has no value form; the compiler will say so
            var close = Matching(tokens, assign + 1);
            if (close < 0)
                continue;
            yield return (Offset(lines, keyword.Token), Offset(lines, tokens[assign]) + 1, $"var {resource.SymbolicName} = any(");
            var after = Offset(lines, tokens[close]) + 1;
            yield return (after, after, ")");
        }
    }

    private static int Matching(IReadOnlyList<BicepToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Is("{") || tokens[i].Is("[") || tokens[i].Is("("))
                depth++;
            else if ((tokens[i].Is("}") || tokens[i].Is("]") || tokens[i].Is(")")) && --depth == 0)
                return i;
        }
        return -1;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-[A-Za-z0-9.]+)?$")]
    private static partial System.Text.RegularExpressions.Regex ArmApiVersion();

    private static string Relative(string fromFile, string target) =>
        Path.GetRelativePath(Path.GetDirectoryName(fromFile)!, target).Replace('\\', '/');

    private static string Quoted(string path) =>
        "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal) + "'";

    // A module: the params the caller passes, every output the file reads from any module, typed any; the scope the caller deploys it to.
    private static string ModuleStandIn(IReadOnlyList<BicepToken> tokens, BicepDocument document, BicepReference reference)
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
