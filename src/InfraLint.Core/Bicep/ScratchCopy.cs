using System.Globalization;
using System.Text;
using InfraLint.Core.Inputs;

namespace InfraLint.Core.Bicep;

/// <summary>
/// What the compiler compiles when a file depends on something it cannot have (a registry module, type import or extension
/// that is not restored, a local module with compile errors): a copy of the file in which each such reference is rewritten,
/// within its own line, to a generated local stand-in that declares what the file uses of it (the params it passes, the
/// outputs it reads, the types, variables and functions it imports), all typed <c>any</c>. Line numbers stay those of the
/// real file, so the compiled result maps back to it; the stand-ins claim nothing about what the dependency does. An
/// extension that cannot be had is removed and the resources of its types become opaque values. Local files that reach
/// such a dependency get copies too.
/// <para>
/// Nothing is written into the analysed tree (it may be read-only, or an attacker's): the copies go to a temporary mirror
/// directory, each at its file's full path below it, with a copy of the bicepconfig.json that governs the real file at its
/// own place. Every other local path the copy names (modules, imports, <c>using</c>, <c>load*()</c> files) is rewritten to
/// the real file, relative to the copy. The mirror holds one compile's files, is bounded and is deleted on
/// <see cref="Dispose"/>.
/// </para>
/// </summary>
internal sealed partial class ScratchCopy : IDisposable
{
    private const int MaxDepth = 32;
    private const int MaxFiles = 1024;
    private const long MaxBytes = 64L * 1024 * 1024;
    private const string ConfigFile = "bicepconfig.json";

    private readonly UnrestoredModules availability;
    private readonly IReadOnlySet<string> broken;
    private readonly Dictionary<string, string> scratchOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> originals = new(StringComparer.Ordinal);
    private readonly HashSet<string> configs = new(StringComparer.Ordinal);
    private readonly List<OpaqueDependency> opaque = new();
    private string? mirror;
    private int files;
    private long bytes;

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
    /// <exception cref="IOException">The mirror could not be written (no temporary folder, too large); the message names no path.</exception>
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            copy.Dispose();
            throw new IOException("the copy of it that stands in for its opaque dependencies could not be written: " +
                (e is ScratchCopyException ? e.Message : e.GetType().Name), e);
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
        if (mirror is null)
            return;
        try
        {
            Directory.Delete(mirror, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: what is left is in the temporary folder, named infralint-scratch-*.
        }
        mirror = null;
    }

    private string Copy(string file, int depth)
    {
        if (scratchOf.TryGetValue(file, out var existing))
            return existing;
        var scratch = MirrorOf(file);
        scratchOf[file] = scratch; // before the references, so that a cycle points at this copy
        originals[scratch] = file;
        var source = availability.Documents.Get(file);
        var (text, tokens, document) = (source.Text, source.Tokens, source.Syntax);
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
                replacement = StandIn(file, keyword == "module" ? ModuleStandIn(text, tokens, document, reference) : ImportStandIn(tokens, target));
            }
            else if (LocalPath(file, reference.Path) is { } local)
            {
                var bicep = local.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase);
                if (bicep && broken.Contains(local))
                {
                    opaque.Add(new OpaqueDependency(file, reference.Line, reference.Column, reference.Path, "it has compile errors"));
                    replacement = StandIn(file, keyword == "module" ? ModuleStandIn(text, tokens, document, reference) : ImportStandIn(tokens, target));
                }
                else
                {
                    replacement = bicep && depth < MaxDepth && availability.NeedsScratch(local, broken) ? Copy(local, depth + 1) : local;
                }
            }
            if (replacement is not null)
                edits.Add(Rewrite(text, lines, target, scratch, replacement));
        }
        foreach (var (argument, loaded) in LoadedFiles(file, tokens))
            edits.Add(Rewrite(text, lines, argument, scratch, loaded));
        Write(scratch, Edit(text, edits));
        CopyConfig(file);
        return scratch;
    }

    // A path string of the copy, pointed at the file it now means: a copy or a stand-in in the mirror, or the real file.
    private static (int Start, int End, string Text) Rewrite(string text, List<int> lines, BicepToken target, string scratch, string replacement)
    {
        var (start, end) = Extent(text, lines, target);
        return (start, end, Quoted(Relative(scratch, replacement)));
    }

    /// <summary>The full path of a local file a module, import or <c>using</c> names (Bicep, ARM JSON, parameters), or
    /// null for registry references and extensions.</summary>
    private static string? LocalPath(string fromFile, string path) =>
        RegistryModuleCache.IsRegistryReference(path) || path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal) || path.Length == 0
            ? null
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromFile)!, path));

    // The files load*() calls and `extends` read, relative to the real file: the string literal that names each.
    private static IEnumerable<(BicepToken Argument, string File)> LoadedFiles(string file, IReadOnlyList<BicepToken> tokens)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var token = tokens[i];
            var argument = token.Kind == BicepTokenKind.Identifier && CompileTimeReads.LoadFunctions.Contains(token.Text) && tokens[i + 1].Is("(") ? tokens[i + 2]
                : token.IsKeyword("extends") && (i == 0 || tokens[i - 1].Kind == BicepTokenKind.NewLine) ? tokens[i + 1]
                : null;
            if (argument is { Kind: BicepTokenKind.String, IsInterpolated: false } && LocalPath(file, argument.Text) is { } loaded)
                yield return (argument, loaded);
        }
    }

    private static string Shown(string path) =>
        path.StartsWith(BicepReference.ExtensionPrefix, StringComparison.Ordinal) ? path[BicepReference.ExtensionPrefix.Length..] : path;

    // A stand-in, in a folder of the mirror of its own: generated files never take a place a copy of a real file could need.
    private string StandIn(string file, string content)
    {
        var path = Path.Combine(Mirror, "stand-ins", string.Create(CultureInfo.InvariantCulture, $"{files}.bicep"));
        originals[path] = file;
        Write(path, content);
        return path;
    }

    // The mirror: a new temporary folder, made on the first write, with a bicepconfig.json of defaults at its top so that
    // the compiler's upward search for one never leaves it (an empty configuration is the compiler's defaults).
    private string Mirror
    {
        get
        {
            if (mirror is null)
            {
                mirror = Directory.CreateTempSubdirectory("infralint-scratch-").FullName;
                Write(Path.Combine(mirror, ConfigFile), "{}\n");
            }
            return mirror;
        }
    }

    // Where a file of the analysed tree is copied: its full path below the mirror's tree/ (a Windows drive or share as a
    // folder of its own), so that copies keep the layout, and the bicepconfig.json they see, of the real files.
    private string MirrorOf(string original)
    {
        var full = Path.GetFullPath(original);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var volume = new string(root.Where(char.IsAsciiLetterOrDigit).ToArray());
        return Path.Combine(Mirror, "tree", volume, full[root.Length..]);
    }

    // The bicepconfig.json that governs the real file (aliases, extensions, experimental features, linter levels) governs
    // its copy: copied to its own place in the mirror.
    private void CopyConfig(string file)
    {
        if (RegistryModuleCache.NearestConfigPath(file) is not { } config || !configs.Add(config))
            return;
        Write(MirrorOf(config), RegularFile.ReadAllText(config));
    }

    private void Write(string path, string content)
    {
        var size = Encoding.UTF8.GetByteCount(content);
        if (++files > MaxFiles || (bytes += size) > MaxBytes)
            throw new ScratchCopyException($"it would need more than {MaxFiles} files or {MaxBytes / (1024 * 1024)} MiB of copies");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(content);
    }

    private sealed class ScratchCopyException(string message) : IOException(message);

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

    // Bicep takes relative paths only (BCP051); a mirror on another Windows drive than the file cannot name it.
    private static string Relative(string fromFile, string target)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(fromFile)!, target);
        if (Path.IsPathRooted(relative))
            throw new ScratchCopyException("the temporary folder is on another drive than the file");
        return relative.Replace('\\', '/');
    }

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
        foreach (var name in OutputsRead(text))
            builder.Append("output ").Append(name).Append(" any = null\n");
        return builder.ToString();
    }

    // Bicep identifiers need no quoting; other property names cannot be params at all (the compiler says so).
    private static string Identifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : "_invalid";

    // Read from the text, not the tokens: a read inside a string interpolation ('${web.outputs.uri}/x') is one string token.
    // A name read from another module too, or in a comment, only declares one output more.
    private static IEnumerable<string> OutputsRead(string text) =>
        OutputRead().Matches(text)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(name => Identifier(name) == name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    // m.outputs.x, m.?outputs.x (a conditional module), m.outputs.?x, m.outputs['x'], m[i].outputs[?'x']
    [System.Text.RegularExpressions.GeneratedRegex(@"\.\??\s*outputs\s*!?\s*(?:\.\??\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*\??\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\])")]
    private static partial System.Text.RegularExpressions.Regex OutputRead();

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
