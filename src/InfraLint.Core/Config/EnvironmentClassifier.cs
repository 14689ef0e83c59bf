using InfraLint.Core.Config;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Config;

/// <summary>
/// Classifies names, tags, subscriptions and principals as sandbox or production. Names match as
/// whole segments: split on separators, case changes and letter/digit boundaries, so <c>rg-exp-chat</c>
/// and <c>uamiExpChat</c> are sandbox but <c>contest</c>, <c>devops</c> and <c>product</c> are nothing.
/// A name with segments of both environments is unknown.
/// </summary>
internal sealed class EnvironmentClassifier(EnvironmentSettings settings)
{
    public EnvironmentSettings Settings => settings;

    public EnvironmentInfo ClassifyName(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
            return EnvironmentInfo.Unknown;
        var named = Words(name);
        var sandbox = named.Any(s => Contains(settings.Sandbox.Names, s));
        var production = named.Any(s => Contains(settings.Production.Names, s));
        if (!sandbox && !production)
            (sandbox, production) = CompactName.Classify(name, settings.Sandbox.Names, settings.Production.Names);
        if (sandbox == production)
            return EnvironmentInfo.Unknown;
        return new EnvironmentInfo(sandbox ? EnvironmentKind.Sandbox : EnvironmentKind.Production, $"{what} '{name}'");
    }

    /// <summary>
    /// A folder names an environment only when it is nothing else: every segment an environment name or a
    /// number (<c>prod</c>, <c>dev01</c>, <c>test-2</c>). Folders named after what they hold (<c>dev-center</c>,
    /// <c>load-test</c>, <c>dev-ops-infrastructure</c>) say nothing about where it is deployed.
    /// </summary>
    public EnvironmentInfo ClassifyFolder(string? name)
    {
        var segments = string.IsNullOrEmpty(name) ? [] : Segments(name);
        var onlyEnvironment = segments.All(s => s.All(char.IsAsciiDigit) ||
            Contains(settings.Sandbox.Names, s) || Contains(settings.Production.Names, s));
        return onlyEnvironment ? ClassifyName(name, "folder") : EnvironmentInfo.Unknown;
    }

    /// <summary>The first configured tag key present with a known value decides; a value that names neither environment is unknown.</summary>
    public EnvironmentInfo? ClassifyTags(JToken? tags)
    {
        if (tags is not JObject known)
            return null;
        foreach (var key in settings.TagKeys)
        {
            var tag = known.Properties().FirstOrDefault(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (tag?.Value is not JValue { Type: JTokenType.String } value)
                continue;
            var text = (string)value!;
            var byName = ClassifyName(text, "tag");
            return byName.IsKnown ? byName with { Evidence = $"tag '{tag.Name}' = '{text}'" } : EnvironmentInfo.Unknown;
        }
        return null;
    }

    public EnvironmentInfo ClassifySubscription(string? subscriptionId)
    {
        if (string.IsNullOrEmpty(subscriptionId))
            return EnvironmentInfo.Unknown;
        if (settings.Production.Subscriptions.Contains(subscriptionId, StringComparer.OrdinalIgnoreCase))
            return new EnvironmentInfo(EnvironmentKind.Production, $"subscription '{subscriptionId}' (infralint.json)");
        if (settings.Sandbox.Subscriptions.Contains(subscriptionId, StringComparer.OrdinalIgnoreCase))
            return new EnvironmentInfo(EnvironmentKind.Sandbox, $"subscription '{subscriptionId}' (infralint.json)");
        return EnvironmentInfo.Unknown;
    }

    public EnvironmentInfo ClassifyPrincipal(string? principalId, string? name)
    {
        foreach (var (kind, patterns) in new[] { (EnvironmentKind.Production, settings.Production), (EnvironmentKind.Sandbox, settings.Sandbox) })
        {
            var match = patterns.Principals.FirstOrDefault(p =>
                (p.Id is not null && string.Equals(p.Id, principalId, StringComparison.OrdinalIgnoreCase)) ||
                (p.Name is not null && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)));
            if (match is not null)
                return new EnvironmentInfo(kind, $"principal '{match.Name ?? match.Id}' (infralint.json)");
        }
        return EnvironmentInfo.Unknown;
    }

    /// <summary>The configured name of a principal id, if any.</summary>
    public string? PrincipalName(string? principalId) =>
        settings.Sandbox.Principals.Concat(settings.Production.Principals)
            .FirstOrDefault(p => p.Id is not null && string.Equals(p.Id, principalId, StringComparison.OrdinalIgnoreCase))?.Name;

    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase) { "non", "pre" };

    // Product and practice names that contain an environment word: 'DevOps', 'devCenter', 'LabServices', 'load-test'.
    private static readonly HashSet<string> Compounds = new(StringComparer.OrdinalIgnoreCase)
    {
        "devops", "devcenter", "devbox", "labservices", "loadtest", "loadtesting",
    };

    /// <summary>
    /// The segments that can name an environment: compounds such as <c>DevOps</c> joined back into one word, and
    /// an environment word after <c>non</c> or <c>pre</c> (<c>Non-Prod</c>, <c>pre-prod</c>) left out.
    /// </summary>
    private static List<string> Words(string name)
    {
        var segments = Segments(name);
        var words = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (i + 1 < segments.Count && Compounds.Contains(segments[i] + segments[i + 1]))
                words.Add(segments[i] + segments[++i]);
            else if (i == 0 || !Negations.Contains(segments[i - 1]))
                words.Add(segments[i]);
        }
        return words;
    }

    private static bool Contains(IReadOnlyList<string> names, string segment) =>
        names.Any(n => n.Equals(segment, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>rg-expChat01</c> → rg, exp, Chat, 01.</summary>
    internal static List<string> Segments(string name)
    {
        var segments = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            if (!char.IsLetterOrDigit(c))
            {
                Flush(i);
                continue;
            }
            if (start < 0)
            {
                start = i;
                continue;
            }
            var previous = name[i - 1];
            var boundary = (char.IsLower(previous) && char.IsUpper(c)) || (char.IsLetter(previous) != char.IsLetter(c));
            if (boundary)
            {
                Flush(i);
                start = i;
            }
        }
        return segments;

        void Flush(int end)
        {
            if (start >= 0 && end > start)
                segments.Add(name[start..end]);
            start = -1;
        }
    }
}
