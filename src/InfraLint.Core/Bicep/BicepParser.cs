namespace InfraLint.Core.Bicep;

/// <summary>
/// A tolerant recursive-descent parser for the declarations and values of a Bicep file. It only
/// runs on files the compiler accepted; constructs it does not model are skipped, never fatal.
/// </summary>
internal sealed class BicepParser
{
    private const int MaxDepth = 500;
    private readonly IReadOnlyList<BicepToken> tokens;
    private readonly List<BicepResourceDeclaration> resources = new();
    private readonly Dictionary<string, BicepVariable> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BicepVariable> parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BicepVariable> outputs = new(StringComparer.Ordinal);
    private readonly List<BicepReference> references = new();
    private BicepReference? usingTarget;
    private int pos;
    private int depth;

    private BicepParser(IReadOnlyList<BicepToken> tokens) => this.tokens = tokens;

    /// <summary>Lexes and parses <paramref name="text"/>; a run takes its files from <see cref="BicepDocuments"/> instead.</summary>
    public static BicepDocument Parse(string text) => Parse(BicepLexer.Tokenize(text));

    public static BicepDocument Parse(IReadOnlyList<BicepToken> tokens)
    {
        var parser = new BicepParser(tokens);
        parser.ParseFile();
        return new BicepDocument(parser.resources, parser.variables, parser.parameters, parser.references, parser.usingTarget, parser.outputs,
            Loaded(tokens, "loadTextContent"), Loaded(tokens, "loadJsonContent"), Loaded(tokens, "loadYamlContent"));
    }

    // load*Content('policy.xml') anywhere, also inside other calls: the compiler inlines the file's text or data.
    private static List<string> Loaded(IReadOnlyList<BicepToken> tokens, string function)
    {
        var paths = new List<string>();
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].IsKeyword(function) && tokens[i + 1].Is("(") && tokens[i + 2] is { Kind: BicepTokenKind.String, IsInterpolated: false } path
                && !paths.Contains(path.Text, StringComparer.Ordinal))
                paths.Add(path.Text);
        }
        return paths;
    }

    private BicepToken Current => tokens[pos];

    private BicepToken PeekAt(int offset) => tokens[Math.Min(pos + offset, tokens.Count - 1)];

    private bool AtEnd => Current.Kind == BicepTokenKind.EndOfFile;

    private void ParseFile()
    {
        while (!AtEnd)
        {
            var start = pos;
            ParseStatement(parent: null);
            SkipToLineEnd();
            if (pos == start)
                pos++;
        }
    }

    private void ParseStatement(BicepResourceDeclaration? parent)
    {
        SkipNewLines();
        var token = Current;
        if (token.Kind != BicepTokenKind.Identifier)
            return;
        switch (token.Text)
        {
            case "resource" when PeekAt(1).Kind == BicepTokenKind.Identifier && PeekAt(2).Kind == BicepTokenKind.String:
                ParseResource(parent, isModule: false);
                break;
            case "module" when parent is null && PeekAt(1).Kind == BicepTokenKind.Identifier && PeekAt(2).Kind == BicepTokenKind.String:
                ParseResource(parent, isModule: true);
                break;
            case "var" when parent is null && PeekAt(1).Kind == BicepTokenKind.Identifier:
            {
                // var x = …, and a typed var x array = … / var x string[] = … / var x myType = …
                var variable = PeekAt(1).Text;
                pos += 2;
                if (SkipUntilAssignment())
                    variables[variable] = new BicepVariable(variable, token.Line, token.Column, ParseExpression());
                break;
            }
            case "import" when parent is null:
                // import { x } from 'path' / import * as y from 'br/public:…': the compiler loads the file at compile time.
                while (!AtEnd && Current.Kind != BicepTokenKind.NewLine)
                {
                    if (Current.IsKeyword("from") && PeekAt(1).Kind == BicepTokenKind.String)
                        references.Add(new BicepReference(PeekAt(1).Text, token.Line, token.Column));
                    if (Current.Is("{"))
                        SkipBalanced();
                    else
                        pos++;
                }
                break;
            case "using" when parent is null && PeekAt(1).Kind == BicepTokenKind.String:
                usingTarget = new BicepReference(PeekAt(1).Text, token.Line, token.Column);
                break;
            case "extension" when parent is null && PeekAt(1).Kind is BicepTokenKind.String or BicepTokenKind.Identifier:
                // extension 'br:…' or extension name (resolved through bicepconfig.json "extensions")
                var target = PeekAt(1);
                references.Add(new BicepReference(target.Kind == BicepTokenKind.String ? target.Text : BicepReference.ExtensionPrefix + target.Text, token.Line, token.Column));
                break;
            case "param" or "output" when parent is null && PeekAt(1).Kind == BicepTokenKind.Identifier:
                var name = PeekAt(1).Text;
                pos += 2;
                if (SkipUntilAssignment())
                    (token.Text == "param" ? parameters : outputs)[name] = new BicepVariable(name, token.Line, token.Column, ParseExpression());
                break;
        }
    }

    private void ParseResource(BicepResourceDeclaration? parent, bool isModule)
    {
        var keyword = Current;
        var symbol = PeekAt(1).Text;
        var typeToken = PeekAt(2);
        pos += 3;
        var existing = false;
        if (Current.IsKeyword("existing"))
        {
            existing = true;
            pos++;
        }
        if (!Current.Is("="))
            return;
        pos++;

        string type, apiVersion;
        string? modulePath = null;
        if (isModule)
        {
            type = "Microsoft.Resources/deployments";
            apiVersion = string.Empty;
            modulePath = typeToken.Text;
        }
        else
        {
            var at = typeToken.Text.IndexOf('@');
            type = at < 0 ? typeToken.Text : typeToken.Text[..at];
            apiVersion = at < 0 ? string.Empty : typeToken.Text[(at + 1)..];
            if (parent is not null && !type.Contains('/'))
            {
                type = parent.Type + "/" + type;
                if (apiVersion.Length == 0)
                    apiVersion = parent.ApiVersion;
            }
        }

        // Registered before the body is parsed, so that nested resources come after their parent.
        if (isModule)
            references.Add(new BicepReference(typeToken.Text, keyword.Line, keyword.Column));
        var index = resources.Count;
        var declaration = new BicepResourceDeclaration(symbol, type, apiVersion, existing, isModule, modulePath,
            keyword.Line, keyword.Column, new BicepExpression(keyword.Line, keyword.Column), parent);
        resources.Add(declaration);
        enclosing.Push(declaration);
        try
        {
            resources[index] = declaration with { Value = ParseExpression() };
        }
        finally
        {
            enclosing.Pop();
        }
    }

    private readonly Stack<BicepResourceDeclaration> enclosing = new();

    private BicepNode ParseExpression()
    {
        if (++depth > MaxDepth)
        {
            depth--;
            var start = Current;
            SkipToLineEnd();
            return new BicepExpression(start.Line, start.Column);
        }
        try
        {
            var first = Current;
            var primary = ParsePrimary();
            var simple = true;
            var parts = new List<BicepNode> { primary };
            // `c ? x : y`: the parts that follow the only '?' and the only ':' (-1 when there is not exactly one of each).
            var (whenTrue, whenFalse, questions, colons) = (-1, -1, 0, 0);
            while (true)
            {
                var token = Current;
                if (token.Is(".") || token.Is(".?") || token.Is("::") || token.Is("!"))
                {
                    pos++;
                    if (Current.Kind == BicepTokenKind.Identifier)
                        pos++;
                    simple = false;
                }
                else if (token.Is("[") || token.Is("?") && IsAdjacent(token, PeekAt(1)) && PeekAt(1).Is("["))
                {
                    if (token.Is("?"))
                        pos++;
                    SkipBalanced();
                    simple = false;
                }
                else if (token.Is("("))
                {
                    SkipBalanced();
                    simple = false;
                }
                else if (IsBinaryOperator(token))
                {
                    pos++;
                    SkipNewLines();
                    if (token.Is("?"))
                        (whenTrue, questions) = (parts.Count, questions + 1);
                    else if (token.Is(":"))
                        (whenFalse, colons) = (parts.Count, colons + 1);
                    parts.Add(ParsePrimary());
                    simple = false;
                }
                else
                {
                    break;
                }
            }
            if (simple)
                return primary;
            var ternary = questions == 1 && colons == 1 && whenFalse == whenTrue + 1 && whenFalse == parts.Count - 1;
            return new BicepExpression(first.Line, first.Column, parts) { Branches = ternary ? (parts[whenTrue], parts[whenFalse]) : null };
        }
        finally
        {
            depth--;
        }
    }

    // `x?[0]` (no space) indexes safely; `c ? [ … ] : [ … ]` is a ternary between arrays.
    private static bool IsAdjacent(BicepToken first, BicepToken next) => next.Line == first.Line && next.Column == first.Column + first.Text.Length;

    private static bool IsBinaryOperator(BicepToken token) =>
        token.Kind == BicepTokenKind.Symbol && token.Text is "==" or "!=" or "<=" or ">=" or "<" or ">" or "&&" or "||" or "??"
            or "+" or "-" or "*" or "/" or "%" or "?" or ":" or "=~" or "!~" or "=>" or "|";

    private BicepNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case BicepTokenKind.Symbol when token.Text == "{":
                return ParseObject();
            case BicepTokenKind.Symbol when token.Text == "[":
                return StartsLoop() ? ParseFor() : ParseArray();
            case BicepTokenKind.Symbol when token.Text == "(":
                return new BicepExpression(token.Line, token.Column, ParseArguments());
            case BicepTokenKind.Symbol when token.Text is "!" or "-":
                pos++;
                ParsePrimary();
                return new BicepExpression(token.Line, token.Column);
            case BicepTokenKind.String:
            case BicepTokenKind.MultilineString:
                pos++;
                return new BicepString(token.Line, token.Column, token.IsInterpolated ? null : token.Text);
            case BicepTokenKind.Number:
                pos++;
                return new BicepExpression(token.Line, token.Column);
            case BicepTokenKind.Identifier when token.Text == "if" && PeekAt(1).Is("("):
                pos++;
                SkipBalanced();
                SkipNewLines();
                return new BicepIf(token.Line, token.Column, ParseExpression());
            case BicepTokenKind.Identifier:
                pos++;
                if (Current.Is("("))
                    return new BicepExpression(token.Line, token.Column, ParseArguments());
                return new BicepIdentifier(token.Line, token.Column, token.Text);
            default:
                if (!IsTerminator(token))
                    pos++;
                return new BicepExpression(token.Line, token.Column);
        }
    }

    private BicepObject ParseObject()
    {
        var open = Current;
        pos++;
        var properties = new List<BicepProperty>();
        var spreads = new List<BicepNode>();
        var hasSpread = false;
        while (!AtEnd && !Current.Is("}"))
        {
            if (Current.Kind == BicepTokenKind.NewLine || Current.Is(","))
            {
                pos++;
                continue;
            }
            var start = pos;
            var token = Current;
            if (token.Is("@"))
            {
                pos++;
                ParseExpression();
            }
            else if (token.Is("..."))
            {
                pos++;
                hasSpread = true;
                spreads.Add(ParseExpression());
            }
            else if (token.IsKeyword("resource") && PeekAt(1).Kind == BicepTokenKind.Identifier && PeekAt(2).Kind == BicepTokenKind.String)
            {
                ParseResource(enclosing.Count > 0 ? enclosing.Peek() : null, isModule: false);
            }
            else if ((token.Kind == BicepTokenKind.Identifier || token.Kind == BicepTokenKind.String) && PeekAt(1).Is(":"))
            {
                pos += 2;
                var interpolated = token.Kind == BicepTokenKind.String && token.IsInterpolated;
                properties.Add(new BicepProperty(interpolated ? null : token.Text, token.Line, token.Column, ParseExpression(), interpolated ? token.Text : null) { InterpolatedSource = token.Written });
            }
            else
            {
                SkipToLineEnd();
            }
            if (pos == start)
                pos++;
        }
        if (Current.Is("}"))
            pos++;
        return new BicepObject(open.Line, open.Column, properties, hasSpread) { Spreads = spreads };
    }

    // The arguments of a call, or a parenthesized expression: kept so a key written in an object inside
    // union(…), a ternary branch or a spread can still be found.
    private List<BicepNode> ParseArguments()
    {
        var arguments = new List<BicepNode>();
        pos++;
        while (!AtEnd && !Current.Is(")"))
        {
            if (Current.Kind == BicepTokenKind.NewLine || Current.Is(","))
            {
                pos++;
                continue;
            }
            if (Current.Is("}") || Current.Is("]"))
                return arguments; // unbalanced: leave it to the enclosing construct
            var start = pos;
            arguments.Add(ParseExpression());
            if (pos == start)
                pos++;
        }
        if (Current.Is(")"))
            pos++;
        return arguments;
    }

    private BicepArray ParseArray()
    {
        var open = Current;
        pos++;
        var items = new List<BicepNode>();
        var hasSpread = false;
        var joined = new List<BicepNode>();
        var run = new List<BicepNode>();
        while (!AtEnd && !Current.Is("]"))
        {
            if (Current.Kind == BicepTokenKind.NewLine || Current.Is(","))
            {
                pos++;
                continue;
            }
            var start = pos;
            if (Current.Is("..."))
            {
                pos++;
                hasSpread = true;
                if (run.Count > 0)
                    joined.Add(new BicepArray(run[0].Line, run[0].Column, run, HasSpread: false));
                run = [];
                joined.Add(ParseExpression());
            }
            else
            {
                var item = ParseExpression();
                items.Add(item);
                run.Add(item);
            }
            if (pos == start)
                pos++;
        }
        if (Current.Is("]"))
            pos++;
        if (hasSpread && run.Count > 0)
            joined.Add(new BicepArray(run[0].Line, run[0].Column, run, HasSpread: false));
        return new BicepArray(open.Line, open.Column, items, hasSpread) { Joined = hasSpread ? joined : [] };
    }

    // `[for …` or, as formatted by AVM and bicep format, `[` then `for` on the next line.
    private bool StartsLoop()
    {
        var offset = 1;
        while (PeekAt(offset).Kind == BicepTokenKind.NewLine && offset < 64)
            offset++;
        return PeekAt(offset).IsKeyword("for");
    }

    private BicepFor ParseFor()
    {
        var open = Current;
        pos++; // [
        SkipNewLines();
        pos++; // for
        var parenDepth = 0;
        BicepNode? collection = null;
        var afterIn = false;
        // Skip the loop variables and the collection up to the ':' that starts the body; keep a collection written as
        // an array literal or a name, whose items findings may point at.
        while (!AtEnd)
        {
            var token = Current;
            if (!afterIn && token.IsKeyword("in"))
            {
                afterIn = true;
                pos++;
                SkipNewLines();
                if (Current.Is("[") && !StartsLoop() || Current.Kind == BicepTokenKind.Identifier)
                {
                    var written = ParsePrimary();
                    collection = Current.Is(":") ? written : null;
                }
                continue;
            }
            if (token.Is("(") || token.Is("[") || token.Is("{"))
            {
                SkipBalanced();
                continue;
            }
            if (token.Is(":") && parenDepth == 0)
                break;
            if (token.Is("]"))
                break;
            pos++;
        }
        BicepNode body = new BicepExpression(open.Line, open.Column);
        if (Current.Is(":"))
        {
            pos++;
            SkipNewLines();
            body = ParseExpression();
        }
        while (!AtEnd && !Current.Is("]"))
        {
            if (Current.Is("(") || Current.Is("[") || Current.Is("{"))
                SkipBalanced();
            else
                pos++;
        }
        if (Current.Is("]"))
            pos++;
        return new BicepFor(open.Line, open.Column, body) { Collection = collection };
    }

    private bool SkipUntilAssignment()
    {
        while (!AtEnd && Current.Kind != BicepTokenKind.NewLine)
        {
            if (Current.Is("="))
            {
                pos++;
                return true;
            }
            if (Current.Is("(") || Current.Is("[") || Current.Is("{"))
                SkipBalanced();
            else
                pos++;
        }
        return false;
    }

    private static bool IsTerminator(BicepToken token) =>
        token.Kind is BicepTokenKind.NewLine or BicepTokenKind.EndOfFile || token.Is("}") || token.Is("]") || token.Is(")") || token.Is(",");

    // Skips a bracketed group starting at the current token, newlines included.
    private void SkipBalanced()
    {
        var stack = 0;
        do
        {
            var token = Current;
            if (token.Is("(") || token.Is("[") || token.Is("{"))
                stack++;
            else if (token.Is(")") || token.Is("]") || token.Is("}"))
                stack--;
            pos++;
        }
        while (stack > 0 && !AtEnd);
    }

    private void SkipToLineEnd()
    {
        while (!AtEnd && Current.Kind != BicepTokenKind.NewLine)
        {
            if (Current.Is("(") || Current.Is("[") || Current.Is("{"))
                SkipBalanced();
            else if (Current.Is("}") || Current.Is("]") || Current.Is(")"))
                return;
            else
                pos++;
        }
    }

    private void SkipNewLines()
    {
        while (Current.Kind == BicepTokenKind.NewLine)
            pos++;
    }
}
