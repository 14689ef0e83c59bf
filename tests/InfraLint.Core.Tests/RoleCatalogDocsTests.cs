using InfraLint.Core.Trust;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>The INFRA3003 page lists the action classes of the built-in roles InfraLint knows; it must not drift from the catalogue.</summary>
[TestClass]
public sealed class RoleCatalogDocsTests
{
    [TestMethod]
    public void The_budget_docs_list_exactly_the_classified_built_in_roles()
    {
        var page = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "rules", "INFRA3003.md"));
        var section = page[page.IndexOf("## Built-in roles and their action classes", StringComparison.Ordinal)..];
        var documented = section.Split('\n')
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Role |", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .ToArray();
        var expected = RoleCatalog.BuiltIn
            .Where(r => r.Classes is not null)
            .OrderBy(r => r.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(r => $"| {r.Name} | {Classes(r.Classes!.Value)} |")
            .ToArray();
        CollectionAssert.AreEqual(expected, documented, "regenerate the table in docs/rules/INFRA3003.md from BuiltInRoles.json");
    }

    private static string Classes(ActionClasses classes) =>
        string.Join(", ", new[] { ActionClasses.Read, ActionClasses.Write, ActionClasses.Trigger, ActionClasses.Approve }
            .Where(c => (classes & c) != 0).Select(c => c.ToString().ToLowerInvariant()));
}
