using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;

namespace InfraLint.Core.Packs;

/// <summary>
/// Loads a compiled pack: every public, non-abstract <see cref="Rule"/> class with a parameterless constructor
/// in the assembly. Anything that goes wrong is INFRA0003 on the assembly, and the build goes on without it.
/// </summary>
internal static class AssemblyRulePackLoader
{
    // MSBuild reuses its processes across builds; a context per assembly version keeps them from piling up.
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, long Length), Assembly> Loaded = new();

    public static PackLoadResult Load(string path)
    {
        var at = SourceLocation.StartOf(path);
        Assembly assembly;
        Type[] types;
        try
        {
            var file = new FileInfo(path);
            assembly = Loaded.GetOrAdd((file.FullName, file.LastWriteTimeUtc, file.Length), key => new PackLoadContext(key.Path).LoadFromAssemblyPath(key.Path));
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is not OperationCanceledException) // whatever a foreign assembly throws while loading
        {
            return PackLoadResult.Failed(Error(at, $"rule pack assembly could not be loaded and is not used: {e.GetType().Name}: {FirstLine(e.Message)}"));
        }
        var problems = new List<Finding>();
        var rules = new List<Rule>();
        foreach (var type in types.Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                problems.Add(Error(at, $"rule class {type.FullName} has no public parameterless constructor and is not loaded"));
                continue;
            }
            try
            {
                var rule = (Rule)Activator.CreateInstance(type)!;
                var id = rule.Describe.Id;
                if (!Regex.IsMatch(id ?? "", "^[A-Z][A-Z0-9]*[0-9]$"))
                    problems.Add(Error(at, $"rule class {type.FullName} has the id '{id}'; an id is upper-case letters followed by digits (e.g. CONTOSO1001), and the rule is not loaded"));
                else if (id!.StartsWith("INFRA", StringComparison.OrdinalIgnoreCase))
                    problems.Add(Error(at, $"rule class {type.FullName} has the id '{id}'; the prefix INFRA is reserved for InfraLint's built-in rules, and the rule is not loaded"));
                else if (rules.Any(r => string.Equals(r.Describe.Id, id, StringComparison.OrdinalIgnoreCase)))
                    problems.Add(Error(at, $"rule id '{id}' is used by two rule classes of this pack; {type.FullName} is not loaded"));
                else
                    rules.Add(rule);
            }
            catch (Exception e) when (e is not OperationCanceledException) // a constructor or descriptor of the pack's own code
            {
                var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
                problems.Add(Error(at, $"rule class {type.FullName} could not be created and is not loaded: {inner.GetType().Name}: {FirstLine(inner.Message)}"));
            }
        }
        if (rules.Count == 0 && problems.Count == 0)
            problems.Add(Error(at, "rule pack assembly has no public rule class (a non-abstract class deriving from InfraLint.Sdk.Rule)"));
        var name = assembly.GetName();
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? name.Version?.ToString(3) ?? "0.0.0";
        var pack = new RulePack(name.Name ?? Path.GetFileNameWithoutExtension(path), version, path,
            rules.OrderBy(r => r.Describe.Id, StringComparer.Ordinal).ToList());
        return new PackLoadResult(rules.Count == 0 ? null : pack, problems);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static Finding Error(SourceLocation location, string message) =>
        ToolDiagnostics.At(ToolDiagnostics.InvalidConfiguration, location, message);
}
