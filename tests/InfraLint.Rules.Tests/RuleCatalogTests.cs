using System.Text.RegularExpressions;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>Keeps the catalogue honest: ids, docs pages, release tracking and message style.</summary>
[TestClass]
public sealed class RuleCatalogTests
{
    private static IEnumerable<RuleDescriptor> Descriptors =>
        BuiltInRules.All.Select(r => r.Describe).Concat(ToolDiagnostics.All);

    public static IEnumerable<object[]> Ids => Descriptors.Select(d => new object[] { d.Id });

    private static RuleDescriptor Find(string id) => Descriptors.Single(d => d.Id == id);

    [TestMethod]
    public void Ids_are_unique_and_in_their_categorys_range()
    {
        Assert.AreEqual(Descriptors.Count(), Descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var d in Descriptors)
        {
            StringAssert.Matches(d.Id, new Regex("^INFRA[0-9]{4}$"));
            Assert.AreEqual((int)d.Category, d.Id[5] - '0', $"{d.Id} is outside the range of {d.Category}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Ids))]
    public void Has_a_docs_page_whose_front_matter_repeats_the_descriptor(string id)
    {
        var descriptor = Find(id);
        var page = Path.Combine(TestEnvironment.RepoRoot, "docs", "rules", id + ".md");
        Assert.IsTrue(File.Exists(page), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(page);
        StringAssert.Contains(text, $"id: {id}\n");
        StringAssert.Contains(text, $"title: {descriptor.Title}\n");
        StringAssert.Contains(text, $"category: {descriptor.Category}\n");
        StringAssert.Contains(text, $"severity: {descriptor.DefaultSeverity}\n");
        StringAssert.Contains(text, $"# {id}: {descriptor.Title}\n");
        foreach (var section in new[] { "## Why it matters", "## How to fix", "## When to suppress" })
            StringAssert.Contains(text, section, $"{id}.md lacks '{section}'");
        Assert.AreEqual(HelpLinks.RuleDocsBase + id + ".md", descriptor.HelpLink);
    }

    [TestMethod]
    [DynamicData(nameof(Ids))]
    public void Is_tracked_as_shipped_or_unshipped(string id)
    {
        var tracking = string.Concat(new[] { "Shipped.md", "Unshipped.md" }
            .Select(f => Path.Combine(TestEnvironment.RepoRoot, "docs", "rules", f))
            .Where(File.Exists)
            .Select(File.ReadAllText));
        StringAssert.Contains(tracking, id);
    }

    [TestMethod]
    [DynamicData(nameof(Ids))]
    public void Title_and_message_follow_the_style(string id)
    {
        var d = Find(id);
        Assert.IsTrue(char.IsUpper(d.Title[0]), $"{id} title must start upper case");
        Assert.IsFalse(d.Title.EndsWith('.'), $"{id} title must not end with a full stop");
        Assert.IsFalse(d.MessageFormat.EndsWith('.'), $"{id} message must not end with a full stop");
        Assert.IsTrue(char.IsUpper(d.MessageFormat[0]) || d.MessageFormat[0] is '{' or '\'', $"{id} message must start upper case");
    }

    [TestMethod]
    [DynamicData(nameof(Ids))]
    public void Has_a_description_in_full_sentences(string id)
    {
        // SARIF viewers show it as the rule's fullDescription next to the title.
        var description = Find(id).Description;
        Assert.IsFalse(string.IsNullOrWhiteSpace(description), $"{id} has no description");
        Assert.IsTrue(char.IsUpper(description[0]), $"{id} description must start upper case");
        Assert.IsTrue(description.EndsWith('.'), $"{id} description must end with a full stop");
        Assert.AreNotEqual(Find(id).Title, description.TrimEnd('.'), $"{id} description must say more than the title");
    }
}
