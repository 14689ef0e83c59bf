using System.Text.RegularExpressions;

namespace InfraLint.Architecture.Tests;

/// <summary>
/// Kinds of resources (lists and sets of Azure resource types) live in one catalogue, <c>InfraLint.Sdk.ResourceKinds</c>,
/// each with a comment saying why it is what it is. Read from the sources: a statement outside the catalogue that
/// names two or more distinct resource types (a collection initializer, an array, a switch, a chain of <c>?:</c> or
/// <c>||</c>) is a list that belongs there. A rule that dispatches on the single types it is about, one branch each,
/// names one type per statement and passes.
/// </summary>
[TestClass]
public sealed partial class ResourceKindsTests
{
    private const string Catalogue = "InfraLint.Sdk/ResourceKinds.cs";

    [TestMethod]
    public void NoListOfResourceTypesOutsideTheCatalogue()
    {
        var source = SourceRoot();
        var lists = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(source, path).Replace('\\', '/'))
            .Where(path => path != Catalogue && !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => TypeLists(File.ReadAllText(Path.Combine(source, path))).Select(types => $"{path}: {string.Join(", ", types)}"))
            .ToList();
        CollectionAssert.AreEqual(Array.Empty<string>(), lists,
            "lists of resource types belong in src/InfraLint.Sdk/ResourceKinds.cs with a comment saying why:\n" + string.Join("\n", lists));
    }

    [TestMethod]
    public void TheCheckFindsTheListsItIsFor()
    {
        // The catalogue itself is nothing but such lists: the check must see them there.
        Assert.IsTrue(TypeLists(File.ReadAllText(Path.Combine(SourceRoot(), Catalogue))).Count() >= 5);
        // The shapes the catalogue replaced, one of each.
        string[] lists =
        [
            """private static readonly string[] Types = ["Microsoft.Web/sites", "Microsoft.App/containerApps"];""",
            """var entries = type.ToLowerInvariant() switch { "microsoft.web/sites" or "microsoft.web/sites/slots" => 1, _ => 0 };""",
            """return name.Contains("redis") ? "Microsoft.Cache/redis" : name.Contains("storage") ? "Microsoft.Storage/storageAccounts" : null;""",
            """if (r.Is("Microsoft.App/containerApps") || r.Is("Microsoft.App/jobs")) Read(r);""",
        ];
        foreach (var list in lists)
            Assert.AreEqual(1, TypeLists(list).Count(), list);
        // One type per statement, the same type twice, role actions and types in comments are not lists.
        string[] notLists =
        [
            """if (resource.Is("Microsoft.Storage/storageAccounts")) Storage(resource); else if (resource.Is("Microsoft.Cache/redis")) Redis(resource);""",
            """var secret = r.Is("Microsoft.KeyVault/vaults/secrets") || r.Is("microsoft.keyvault/vaults/secrets");""",
            """var reads = action == "Microsoft.KeyVault/vaults/secrets/getSecret/action" && r.Is("Microsoft.KeyVault/vaults");""",
            """// "Microsoft.Web/sites" and "Microsoft.App/jobs" both run code""" + "\n" + "Run(r);",
        ];
        foreach (var text in notLists)
            Assert.AreEqual(0, TypeLists(text).Count(), text);
    }

    /// <summary>The statements of <paramref name="code"/> (comments left out) that name two or more distinct resource types, as their sorted types.</summary>
    private static IEnumerable<IReadOnlyList<string>> TypeLists(string code)
    {
        var withoutComments = CodeOrComment().Replace(code, m => m.Value.StartsWith('/') ? " " : m.Value);
        foreach (var statement in withoutComments.Split(';'))
        {
            var types = TypeLiteral().Matches(statement)
                .Select(m => m.Groups["type"].Value)
                .Where(t => !RoleAction().IsMatch(t))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (types.Count >= 2)
                yield return types;
        }
    }

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var source = Path.Combine(directory.FullName, "src");
            if (File.Exists(Path.Combine(source, Catalogue)))
                return source;
        }
        throw new InvalidOperationException("src/" + Catalogue + " not found above " + AppContext.BaseDirectory);
    }

    // A string or character literal (kept, so "https://…" and '"' are not taken for a comment or a string) or a comment (dropped).
    [GeneratedRegex("""@?"(?:\\.|""|[^"\\\n])*"|'(?:\\.|[^'\\\n])'|//[^\n]*|/\*.*?\*/""", RegexOptions.Singleline)]
    private static partial Regex CodeOrComment();

    [GeneratedRegex("""
        "(?<type>microsoft\.[a-z0-9]+/[a-z0-9]+(?:/[a-z0-9]+)*)"
        """, RegexOptions.IgnoreCase)]
    private static partial Regex TypeLiteral();

    // Role-definition actions ("Microsoft.KeyVault/vaults/secrets/getSecret/action") name operations, not resource types.
    [GeneratedRegex("/(?:action|read|write|delete)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleAction();
}
