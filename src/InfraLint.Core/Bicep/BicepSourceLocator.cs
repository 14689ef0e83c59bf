using InfraLint.Core.Inputs;
using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Locates tokens of the compiled ARM JSON in the Bicep file they came from: a token of a
/// resource maps through that resource's declaration, a token of a variable or parameter through
/// its declaration, following the same property path in the Bicep syntax.
/// </summary>
internal sealed class BicepSourceLocator : ISourceLocator
{
    private readonly string filePath;
    private readonly BicepDocument document;
    private readonly IReadOnlyDictionary<JObject, BicepResourceDeclaration> declarations;
    private readonly JObject? variables;
    private readonly JObject? parameters;
    private readonly JObject? outputs;
    private readonly Dictionary<string, string?> loadedTexts = new(StringComparer.Ordinal);
    private readonly LoadedDataLocator loadedData;

    public BicepSourceLocator(string filePath, BicepDocument document, JObject compiled,
        IReadOnlyDictionary<JObject, BicepResourceDeclaration> declarations)
    {
        this.filePath = filePath;
        this.document = document;
        this.declarations = declarations;
        variables = compiled["variables"] as JObject;
        parameters = compiled["parameters"] as JObject;
        outputs = compiled["outputs"] as JObject;
        loadedData = new LoadedDataLocator(filePath, document);
    }

    public SourceLocation Locate(JToken token, IReadOnlyList<PathSegment> remainder)
    {
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current is JObject body && declarations.TryGetValue(body, out var declaration))
            {
                var path = RelativePath(token, current, remainder);
                return At(document.Locate(declaration.Value, declaration.IsModule ? ModulePath(path) : path, (declaration.Line, declaration.Column)));
            }
            if (current is JProperty property && property.Parent is { } owner)
            {
                // loadJsonContent()/loadYamlContent() data, inlined by the compiler as $fxv#N: in the loaded file.
                if (ReferenceEquals(owner, variables) && property.Name.StartsWith("$fxv#", StringComparison.Ordinal) &&
                    loadedData.Locate(property.Value, RelativePath(token, property.Value, remainder)) is { } inLoadedFile)
                    return inLoadedFile;
                if (ReferenceEquals(owner, variables) && document.Variables.TryGetValue(property.Name, out var variable))
                    return At(document.Locate(variable.Value, RelativePath(token, property.Value, remainder), (variable.Line, variable.Column)));
                if (ReferenceEquals(owner, parameters) && document.Parameters.TryGetValue(property.Name, out var parameter))
                {
                    var path = RelativePath(token, property.Value, remainder);
                    // parameters.x.defaultValue.y in JSON is the default value's y in Bicep.
                    var inDefault = path.Count > 0 && path[0] is PathSegment.Property { Name: "defaultValue" };
                    return inDefault
                        ? At(document.Locate(parameter.Value, path.Skip(1).ToList(), (parameter.Line, parameter.Column)))
                        : At((parameter.Line, parameter.Column));
                }
                if (ReferenceEquals(owner, outputs) && document.Outputs.TryGetValue(property.Name, out var output))
                {
                    // outputs.x.value in JSON is the output's value in Bicep.
                    var path = RelativePath(token, property.Value, remainder);
                    return path.Count > 0 && path[0] is PathSegment.Property { Name: "value" }
                        ? At(document.Locate(output.Value, path.Skip(1).ToList(), (output.Line, output.Column)))
                        : At((output.Line, output.Column));
                }
            }
        }
        return SourceLocation.StartOf(filePath);
    }

    // The compiler inlines loadTextContent() as a string (often in a generated variable, $fxv#0): the file whose
    // text it is, found by comparing contents, is where a finding inside that text belongs.
    public string? LoadedFileOf(string text)
    {
        foreach (var relative in document.LoadedTexts)
        {
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(filePath)!, relative));
            if (LoadedText(path) is { } content && (content == text || content.ReplaceLineEndings("\n") == text.ReplaceLineEndings("\n")))
                return path;
        }
        return null;
    }

    private string? LoadedText(string path)
    {
        lock (loadedTexts)
            return loadedTexts.TryGetValue(path, out var known) ? known : loadedTexts[path] = Read(path);
    }

    private static string? Read(string path)
    {
        string? content;
        try
        {
            content = File.Exists(path) && new FileInfo(path).Length < 4 * 1024 * 1024 ? RegularFile.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            content = null;
        }
        return content;
    }

    private SourceLocation At((int Line, int Column) position) => new(filePath, position.Line, position.Column);

    // A module compiles to a deployment: properties.parameters.x.value in JSON is params.x in Bicep.
    private static IReadOnlyList<PathSegment> ModulePath(IReadOnlyList<PathSegment> path)
    {
        if (path.Count < 3 || path[0] is not PathSegment.Property { Name: "properties" } || path[1] is not PathSegment.Property { Name: "parameters" })
            return path;
        var mapped = new List<PathSegment> { new PathSegment.Property("params"), path[2] };
        if (path.Count > 3 && path[3] is PathSegment.Property { Name: "value" })
            mapped.AddRange(path.Skip(4));
        return mapped;
    }

    private static IReadOnlyList<PathSegment> RelativePath(JToken token, JToken ancestor, IReadOnlyList<PathSegment> remainder)
    {
        var full = PathSegment.From(token);
        var prefix = PathSegment.From(ancestor).Count;
        return full.Skip(prefix).Concat(remainder).ToList();
    }
}
