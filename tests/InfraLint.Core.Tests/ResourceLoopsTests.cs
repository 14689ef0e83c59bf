using InfraLint.Core.Arm;
using InfraLint.Sdk;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests;

/// <summary>Resource loops over known collections are one resource per item, within bounds (docs/evaluation.md, Loops).</summary>
[TestClass]
public sealed class ResourceLoopsTests
{
    private static IReadOnlyList<ResourceModel> Resources(JToken count, string name = "[format('st{0}', copyIndex())]")
    {
        using var directory = new TempDirectory();
        var template = new JObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = new JObject { ["unknown"] = new JObject { ["type"] = "array" } },
            ["variables"] = new JObject { ["names"] = new JArray("dev", "prod") },
            ["resources"] = new JArray(new JObject
            {
                ["copy"] = new JObject { ["name"] = "accounts", ["count"] = count },
                ["type"] = "Microsoft.Storage/storageAccounts",
                ["apiVersion"] = "2023-05-01",
                ["name"] = name,
            }),
        };
        var path = directory.Write("loop.json", template.ToString());
        var loaded = ArmFrontEnd.Load(path, namedExplicitly: true);
        return loaded.Models.Single().Resources;
    }

    [TestMethod]
    public void Each_item_of_a_known_collection_is_a_resource_with_its_own_values()
    {
        var resources = Resources("[length(variables('names'))]", "[format('st{0}', variables('names')[copyIndex()])]");
        CollectionAssert.AreEqual(new[] { "stdev", "stprod" }, resources.Select(r => r.EvaluatedName).ToArray());
        Assert.IsTrue(resources.All(r => r.Body["copy"] is null), "an item is not a loop any more");
        Assert.AreEqual(resources[0].Declaration, resources[1].Declaration, "both items are declared at the loop");
    }

    [TestMethod]
    public void CopyIndex_with_an_offset_counts_from_it() =>
        CollectionAssert.AreEqual(new[] { "st1", "st2", "st3" }, Resources(3, "[format('st{0}', copyIndex(1))]").Select(r => r.EvaluatedName).ToArray());

    [TestMethod]
    public void An_unknown_collection_stays_one_resource_with_an_unknown_name()
    {
        var resources = Resources("[length(parameters('unknown'))]", "[format('st{0}', parameters('unknown')[copyIndex()])]");
        Assert.AreEqual(1, resources.Count);
        Assert.IsNull(resources[0].EvaluatedName);
    }

    [TestMethod]
    public void A_known_empty_collection_deploys_nothing() =>
        Assert.AreEqual(0, Resources("[length(createArray())]").Count);

    [TestMethod]
    public void A_loop_past_the_bound_stays_one_resource()
    {
        Assert.AreEqual(ResourceLoops.MaxItemsPerLoop, Resources($"[length(range(0, {ResourceLoops.MaxItemsPerLoop}))]").Count);
        Assert.AreEqual(1, Resources($"[length(range(0, {ResourceLoops.MaxItemsPerLoop + 1}))]").Count);
        Assert.AreEqual(1, Resources(int.MaxValue).Count, "a huge count is not expanded");
    }

    [TestMethod]
    public void Module_loops_inside_module_loops_share_one_bound()
    {
        // Three levels of 64-item loops would be 64 + 64² + 64³ templates and resources.
        JObject Level(int depth) => new()
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ["contentVersion"] = "1.0.0.0",
            ["resources"] = new JArray(depth == 0
                ? new JObject
                {
                    ["copy"] = new JObject { ["name"] = "accounts", ["count"] = ResourceLoops.MaxItemsPerLoop },
                    ["type"] = "Microsoft.Storage/storageAccounts",
                    ["apiVersion"] = "2023-05-01",
                    ["name"] = "[format('st{0}', copyIndex())]",
                }
                : new JObject
                {
                    ["copy"] = new JObject { ["name"] = "modules", ["count"] = ResourceLoops.MaxItemsPerLoop },
                    ["type"] = "Microsoft.Resources/deployments",
                    ["apiVersion"] = "2022-09-01",
                    ["name"] = "[format('m{0}', copyIndex())]",
                    ["properties"] = new JObject
                    {
                        ["mode"] = "Incremental",
                        ["expressionEvaluationOptions"] = new JObject { ["scope"] = "inner" },
                        ["template"] = Level(depth - 1),
                    },
                }),
        };
        using var directory = new TempDirectory();
        var path = directory.Write("nested-loops.json", Level(2).ToString());
        var models = ArmFrontEnd.Load(path, namedExplicitly: true).Models;
        var resources = models.Sum(m => m.Resources.Count);
        Assert.IsTrue(resources <= 2 * ResourceLoops.MaxItemsPerDeployment + models.Count, $"{resources} resources in {models.Count} templates");
    }
}
