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

    public BicepSourceLocator(string filePath, BicepDocument document, JObject compiled,
        IReadOnlyDictionary<JObject, BicepResourceDeclaration> declarations)
    {
        this.filePath = filePath;
        this.document = document;
        this.declarations = declarations;
        variables = compiled["variables"] as JObject;
        parameters = compiled["parameters"] as JObject;
    }

    public SourceLocation Locate(JToken token, IReadOnlyList<PathSegment> remainder)
    {
        for (var current = token; current is not null; current = current.Parent)
        {
            if (current is JObject body && declarations.TryGetValue(body, out var declaration))
                return At(document.Locate(declaration.Value, RelativePath(token, current, remainder), (declaration.Line, declaration.Column)));
            if (current is JProperty property && property.Parent is { } owner)
            {
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
            }
        }
        return SourceLocation.StartOf(filePath);
    }

    private SourceLocation At((int Line, int Column) position) => new(filePath, position.Line, position.Column);

    private static IReadOnlyList<PathSegment> RelativePath(JToken token, JToken ancestor, IReadOnlyList<PathSegment> remainder)
    {
        var full = PathSegment.From(token);
        var prefix = PathSegment.From(ancestor).Count;
        return full.Skip(prefix).Concat(remainder).ToList();
    }
}
