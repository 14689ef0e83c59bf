using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>A resource object of a template with its full type.</summary>
internal sealed record ArmResourceEntry(JObject Body, string Type, string ApiVersion, string? SymbolicName, bool IsExisting)
{
    /// <summary>The resource as the template writes it: for one item of a loop (<see cref="ResourceLoops"/>), the loop.</summary>
    public JObject Written { get; init; } = Body;

    /// <summary>A <c>Microsoft.Resources/deployments</c> resource: a Bicep module or a nested or linked ARM deployment.</summary>
    public bool IsDeployment => Type.Equals("Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads the resources of ARM JSON: classic arrays (with nested child resources) and languageVersion 2.0 objects.</summary>
internal static class ArmResources
{
    private const int MaxNesting = 64;

    public static IReadOnlyList<ArmResourceEntry> Read(JObject template)
    {
        NormalizeCopies(template);
        var entries = new List<ArmResourceEntry>();
        Collect(template["resources"], parentType: null, entries, 0);
        return entries;
    }

    private static void Collect(JToken? resources, string? parentType, List<ArmResourceEntry> entries, int nesting)
    {
        if (nesting > MaxNesting)
            return;
        IEnumerable<(string? Symbol, JToken Token)> items = resources switch
        {
            JArray array => array.Select(t => ((string?)null, t)),
            JObject byName => byName.Properties().Select(p => ((string?)p.Name, p.Value)),
            _ => [],
        };
        foreach (var (symbol, token) in items)
        {
            if (token is not JObject body || body["type"] is not JValue { Type: JTokenType.String } typeValue)
                continue;
            var type = (string)typeValue!;
            if (parentType is not null && !type.Contains('/'))
                type = parentType + "/" + type;
            var apiVersion = body["apiVersion"] is JValue { Type: JTokenType.String } v ? (string)v! : string.Empty;
            var existing = body["existing"] is JValue { Type: JTokenType.Boolean } e && (bool)e!;
            entries.Add(new ArmResourceEntry(body, type, apiVersion, symbol, existing));
            Collect(body["resources"], type, entries, nesting + 1);
        }
    }

    /// <summary>
    /// Rewrites property and variable loops (<c>"copy": [{ "name", "count", "input" }]</c>) as the
    /// array they produce, holding the one <c>input</c> template, so that rules and source maps see
    /// <c>appSettings[0].name</c> where the author wrote a loop body.
    /// </summary>
    private static void NormalizeCopies(JObject template)
    {
        if (template["variables"] is JObject variables)
            ReplaceCopy(variables);
        var pending = new Stack<(JToken Token, int Depth)>();
        if (template["resources"] is JContainer resources)
            pending.Push((resources, 0));
        while (pending.Count > 0)
        {
            var (token, depth) = pending.Pop();
            if (depth > MaxNesting * 4)
                continue;
            if (token is JObject obj)
                ReplaceCopy(obj); // a resource's own loop is an object, not an array: left alone
            foreach (var child in token.Children())
                pending.Push((child, depth + 1));
        }
    }

    private static void ReplaceCopy(JObject obj)
    {
        if (obj.Property("copy", StringComparison.OrdinalIgnoreCase) is not { Value: JArray loops } copy)
            return;
        if (!loops.All(l => l is JObject { } o && o["name"] is JValue { Type: JTokenType.String } && o["input"] is not null))
            return;
        copy.Remove();
        foreach (var loop in loops.Cast<JObject>())
        {
            var name = (string)loop["name"]!;
            var input = loop["input"]!;
            ((JProperty)input.Parent!).Value = JValue.CreateNull(); // detach without cloning: keeps line info
            if (obj.Property(name, StringComparison.OrdinalIgnoreCase) is null)
                obj.Add(new JProperty(name, new JArray(input)));
        }
    }
}
