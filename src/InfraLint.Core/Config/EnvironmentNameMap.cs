using System.Text.RegularExpressions;
using InfraLint.Sdk;

namespace InfraLint.Core.Config;

/// <summary>
/// Classifies the name of a pipeline or azd environment (<c>environment: prod</c>, <c>.azure/dev</c>): the
/// globs of infralint.json <c>environments.names</c> first, then the built-in words. A name is matched whole,
/// then by its segments (<c>prod-weu</c>); a name with words of both environments, or of neither, is unknown.
/// </summary>
internal sealed class EnvironmentNameMap
{
    public static readonly IReadOnlyList<string> BuiltInProduction = ["production", "prod", "prd", "live"];
    public static readonly IReadOnlyList<string> BuiltInSandbox = ["development", "dev", "sandbox", "sbx", "experiment", "exp", "poc", "lab", "test"];

    public static readonly EnvironmentNameMap Default = new([], []);

    private readonly IReadOnlyList<(string Glob, Regex Pattern)> production;
    private readonly IReadOnlyList<(string Glob, Regex Pattern)> sandbox;

    public EnvironmentNameMap(IReadOnlyList<string> production, IReadOnlyList<string> sandbox)
    {
        this.production = production.Select(g => (g, Pattern(g))).ToList();
        this.sandbox = sandbox.Select(g => (g, Pattern(g))).ToList();
    }

    public IReadOnlyList<string> Production => production.Select(p => p.Glob).ToList();

    public IReadOnlyList<string> Sandbox => sandbox.Select(p => p.Glob).ToList();

    /// <summary>The environment <paramref name="name"/> names; <paramref name="what"/> describes it for the evidence.</summary>
    public EnvironmentInfo Classify(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
            return EnvironmentInfo.Unknown;
        var configuredProduction = production.FirstOrDefault(p => p.Pattern.IsMatch(name));
        var configuredSandbox = sandbox.FirstOrDefault(p => p.Pattern.IsMatch(name));
        if (configuredProduction.Pattern is not null && configuredSandbox.Pattern is null)
            return new EnvironmentInfo(EnvironmentKind.Production, $"{what} '{name}' (infralint.json '{configuredProduction.Glob}')");
        if (configuredSandbox.Pattern is not null && configuredProduction.Pattern is null)
            return new EnvironmentInfo(EnvironmentKind.Sandbox, $"{what} '{name}' (infralint.json '{configuredSandbox.Glob}')");
        var words = Config.EnvironmentClassifier.Segments(name);
        var isProduction = words.Any(w => BuiltInProduction.Contains(w, StringComparer.OrdinalIgnoreCase));
        var isSandbox = words.Any(w => BuiltInSandbox.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (isProduction == isSandbox)
            return EnvironmentInfo.Unknown;
        return new EnvironmentInfo(isProduction ? EnvironmentKind.Production : EnvironmentKind.Sandbox, $"{what} '{name}'");
    }

    // Whole-name globs: '*' any characters, '?' one; case-insensitive. Bounded, as the configuration may be an attacker's.
    private static Regex Pattern(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
}
