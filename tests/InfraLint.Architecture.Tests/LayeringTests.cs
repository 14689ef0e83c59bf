using System.Reflection;
using InfraLint.Core.Arm;
using InfraLint.Core.Config;
using InfraLint.Core.Inputs;

namespace InfraLint.Architecture.Tests;

/// <summary>
/// The code's shape, read from the compiled assemblies: which project may use which, and that the folders of a
/// project form layers (no two folders use each other, directly or through others). README's "Layout" section is
/// the map these tests hold.
/// </summary>
[TestClass]
public sealed class LayeringTests
{
    private static readonly Assembly Sdk = typeof(InfraLint.Sdk.Rule).Assembly;
    private static readonly Assembly Core = typeof(InfraLint.Core.Engine.InfraLintEngine).Assembly;
    private static readonly Assembly Rules = typeof(InfraLint.Rules.BuiltInRules).Assembly;
    private static readonly Assembly Reporting = typeof(InfraLint.Reporting.Reports.RunReport).Assembly;

    [TestMethod]
    public void TheSdkUsesNoOtherInfraLintAssembly() =>
        CollectionAssert.AreEquivalent(Array.Empty<string>(), InfraLintReferences(Sdk));

    [TestMethod]
    public void RulesSeeOnlyTheSdkLikeAnyRulePack() =>
        CollectionAssert.AreEquivalent(new[] { "InfraLint.Sdk" }, InfraLintReferences(Rules));

    [TestMethod]
    public void RulesNeverStartAProcessSuchAsTheCompiler()
    {
        var offenders = Rules.GetTypes()
            .Where(t => TypeReferences.Of(t).Any(u => u.Namespace == "System.Diagnostics" && u.Name.StartsWith("Process", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();
        CollectionAssert.AreEquivalent(Array.Empty<string>(), offenders);
    }

    [TestMethod]
    public void CoreKnowsNoDriverAndNoOutputFormat()
    {
        var drivers = InfraLintReferences(Core).Where(name => name is not "InfraLint.Sdk").ToList();
        CollectionAssert.AreEquivalent(Array.Empty<string>(), drivers, "Core may use only the Sdk; drivers and writers use Core");
    }

    [TestMethod]
    public void CoreFoldersFormLayers() => AssertNoFolderCycle(Core, "InfraLint.Core");

    [TestMethod]
    public void ReportingFoldersFormLayers() => AssertNoFolderCycle(Reporting, "InfraLint.Reporting");

    [TestMethod]
    public void ReportingUsesTheEngineButNoDriver() =>
        CollectionAssert.AreEquivalent(new[] { "InfraLint.Core", "InfraLint.Sdk" }, InfraLintReferences(Reporting));

    // README's map of the code: what each folder may use. Each folder uses only folders listed before it.
    private static readonly (string Folder, string[] MayUse)[] CoreLayers =
    [
        ("Inputs", []),
        ("Model", []),
        ("Arm", ["Inputs", "Model"]),
        ("Bicep", ["Inputs", "Model", "Arm"]),
        ("Config", ["Inputs", "Model", "Arm"]),
        ("Deployments", ["Inputs", "Model", "Arm", "Config"]),
        ("Packs", ["Inputs", "Model", "Arm", "Config"]),
        ("Policy", ["Inputs", "Model", "Arm", "Config"]),
        ("Trust", ["Inputs", "Model", "Arm", "Config", "Deployments"]),
        ("Engine", ["Inputs", "Model", "Arm", "Bicep", "Config", "Deployments", "Packs", "Policy", "Trust"]),
    ];

    private static readonly (string Folder, string[] MayUse)[] ReportingLayers =
    [
        ("Output", []),
        ("Reports", ["Output"]),
        ("Writers", ["Output", "Reports"]),
        ("Sarif", ["Output", "Reports", "Writers"]),
        ("Graph", ["Output", "Reports"]),
        ("Shards", ["Output", "Reports", "Writers"]),
        ("Diff", ["Output", "Reports", "Writers", "Sarif", "Graph"]),
    ];

    [TestMethod]
    public void CoreFoldersUseOnlyTheLayersBelowThem() => AssertLayers(Core, "InfraLint.Core", CoreLayers);

    [TestMethod]
    public void ReportingFoldersUseOnlyTheLayersBelowThem() => AssertLayers(Reporting, "InfraLint.Reporting", ReportingLayers);

    private static void AssertLayers(Assembly assembly, string rootNamespace, (string Folder, string[] MayUse)[] layers)
    {
        var graph = FolderGraph.Of(assembly, rootNamespace);
        var allowed = layers.ToDictionary(l => l.Folder, l => l.MayUse);
        var unmapped = graph.Folders.Where(f => !allowed.ContainsKey(f)).ToList();
        CollectionAssert.AreEquivalent(Array.Empty<string>(), unmapped, "a new folder needs its place in the layers (and in README's map)");
        var wrong = layers.SelectMany(l => graph.Uses(l.Folder).Where(u => !l.MayUse.Contains(u)).Select(u => $"{l.Folder} → {u}: {graph.Why(l.Folder, u)}")).ToList();
        Assert.AreEqual(0, wrong.Count, "Arrows against the layers:\n" + string.Join("\n", wrong));
    }

    [TestMethod]
    public void TheCycleCheckSeesACycle()
    {
        var graph = new FolderGraph();
        graph.Add("Engine", "Config", "InfraLintEngine → ConfigLoader");
        graph.Add("Config", "Policy", "ConfigLoader → PolicyFiles");
        graph.Add("Policy", "Engine", "PolicyChanges → RegularFile");
        graph.Add("Arm", "Model", "ArmEvaluator → CompiledTemplate");
        var cycles = graph.Cycles();
        Assert.AreEqual(1, cycles.Count);
        CollectionAssert.AreEquivalent(new[] { "Config", "Engine", "Policy" }, cycles[0].ToList());
    }

    private static void AssertNoFolderCycle(Assembly assembly, string rootNamespace)
    {
        var graph = FolderGraph.Of(assembly, rootNamespace);
        var cycles = graph.Cycles();
        Assert.AreEqual(0, cycles.Count, "Folders that use each other:\n" + string.Join("\n\n", cycles.Select(graph.Describe)));
    }

    private static List<string> InfraLintReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("InfraLint.", StringComparison.Ordinal) || name == "infralint")
            .Order(StringComparer.Ordinal)
            .ToList();
}
