using System.Text.RegularExpressions;

namespace InfraLint.Core.Deployments;

/// <summary>
/// Replaces the expressions of a pipeline whose values are written in it (matrix values, literal variables,
/// template parameter defaults). What stays unresolved (<c>${{ secrets.X }}</c>, <c>$(var)</c> set at run time,
/// <c>$VAR</c>) leaves the value unknown: <see cref="IsResolved"/> is false.
/// </summary>
internal sealed partial class Substitution(IReadOnlyDictionary<string, string> values)
{
    public static readonly Substitution None = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Values => values;

    public Substitution With(IEnumerable<KeyValuePair<string, string>> more)
    {
        var merged = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in more)
            merged[key] = value;
        return new Substitution(merged);
    }

    public string Apply(string text)
    {
        if (values.Count == 0 || !text.Contains('$'))
            return text;
        // github.event.inputs.X is the older spelling of inputs.X.
        var result = Expression().Replace(text, m => Lookup((m.Groups["scope"].Value is var scope && scope.StartsWith("github", StringComparison.Ordinal) ? "inputs" : scope) + "." + m.Groups["name"].Value) ?? m.Value);
        result = MacroSyntax().Replace(result, m => Lookup("variables." + m.Groups["name"].Value) ?? m.Value);
        return ShellVariable().Replace(result, m => Lookup("env." + (m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["plain"].Value)) ?? m.Value);
    }

    private string? Lookup(string key) => values.TryGetValue(key, out var value) ? value : null;

    /// <summary>True when no pipeline or shell expression is left in <paramref name="text"/>.</summary>
    public static bool IsResolved(string text) => !Unresolved().IsMatch(text);

    [GeneratedRegex(@"\$\{\{\s*(?<scope>matrix|env|vars|variables|parameters|inputs|github\.event\.inputs)\.(?<name>[A-Za-z0-9_.-]+)\s*\}\}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Expression();

    [GeneratedRegex(@"\$\((?<name>[A-Za-z0-9_.]+)\)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex MacroSyntax();

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?<plain>[A-Za-z_][A-Za-z0-9_]*))", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"\$\{\{|\$\(|\$\[|\$\{?[A-Za-z_]|%[A-Za-z_][A-Za-z0-9_]*%", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Unresolved();
}
