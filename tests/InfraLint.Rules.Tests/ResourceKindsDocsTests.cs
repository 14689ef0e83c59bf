using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>The rule pages name the resource kinds the rules read from the one catalogue, so docs and code cannot drift apart.</summary>
[TestClass]
public sealed class ResourceKindsDocsTests
{
    [TestMethod]
    public void INFRA2001_lists_every_compute_type_it_checks_and_says_why_the_others_are_left_out()
    {
        var page = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "docs", "rules", "INFRA2001.md"));
        var notReported = page[page.IndexOf("Not reported:", StringComparison.Ordinal)..];

        foreach (var type in ResourceKinds.Compute.Except(ResourceKinds.IdentityRequiredElsewhere))
            StringAssert.Contains(page, $"| `{type}` |", $"{type} is compute INFRA2001 checks");
        foreach (var type in ResourceKinds.IdentityRequiredElsewhere)
            StringAssert.Contains(notReported, $"`{type}`", $"{type} is compute INFRA2001 leaves out");
    }

    [TestMethod]
    public void Every_compute_type_is_a_reference_source_of_the_trust_graph()
    {
        CollectionAssert.IsSubsetOf(ResourceKinds.Compute.ToList(), ResourceKinds.ReferenceSources.ToList());
        CollectionAssert.IsSubsetOf(ResourceKinds.Stores.ToList(), ResourceKinds.Reachable.ToList());
    }
}
