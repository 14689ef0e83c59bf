using System.IO.Compression;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.MSBuild.Tests;

/// <summary>
/// Packs the sample rule pack (samples/RulePacks/Contoso.Platform.Rules) and InfraLint, and builds a fresh IaC
/// project that references both packages from a local feed: the pack's build/ props hand its JSON rules and its
/// compiled rule to InfraLint, and `dotnet build` shows their warnings at exact lines.
/// </summary>
[TestClass]
public sealed class RulePackEndToEndTests
{
    private const string Landing = """
        targetScope = 'subscription'

        resource statusGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
          name: 'rg-status'
          location: 'eastus'
        }
        """;

    private const string Plan = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Web/serverfarms",
              "apiVersion": "2023-12-01",
              "name": "status-plan",
              "location": "westeurope",
              "tags": { "environment": "prod" },
              "sku": { "name": "F1" }
            }
          ]
        }
        """;

    private static LocalFeed feed = null!;
    private static string rulePackage = null!;

    [ClassInitialize]
    public static void PackAndCreateConsumer(TestContext _)
    {
        feed = new LocalFeed();
        feed.Pack(Path.Combine("src", "InfraLint.MSBuild", "InfraLint.MSBuild.csproj"), "InfraLint", "0.1.0-e2e-packs");
        rulePackage = feed.Pack(Path.Combine("samples", "RulePacks", "Contoso.Platform.Rules", "Contoso.Platform.Rules.csproj"), "Contoso.Platform.Rules", "1.0.0-e2e",
            "-p:GeneratePackageOnBuild=false"); // `dotnet pack` of a project that packs on build would not build it first
        feed.WriteProject(("InfraLint", "0.1.0-e2e-packs"), ("Contoso.Platform.Rules", "1.0.0-e2e"));
        feed.Write(Path.Combine("infra", "landing.bicep"), Landing);
        feed.Write(Path.Combine("infra", "plan.json"), Plan);
    }

    [TestMethod]
    public void Build_shows_the_packs_warnings_at_exact_lines_and_sarif_lists_the_pack()
    {
        var (exit, diagnostics, log) = feed.Run("build", "-p:InfraLintSarif=true");

        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(new[]
        {
            "infra/landing.bicep(3,1): warning CONTOSO0001",
            "infra/landing.bicep(5,3): warning CONTOSO0002",
            "infra/plan.json(11,16): warning CONTOSO0003",
            "infra/plan.json(8,7): warning CONTOSO1001",
        }, diagnostics, log);
        StringAssert.Contains(log, "'statusGroup' (Microsoft.Resources/resourceGroups) is deployed to 'eastus'");

        var sarif = SarifSchema.AssertValidFile(Path.Combine(feed.Consumer, "obj", "Debug", "net10.0", "infralint.sarif"));
        var extensions = JObject.Parse(sarif)["runs"]![0]!["tool"]!["extensions"]!;
        CollectionAssert.AreEqual(new[] { "Contoso.Platform.Rules", "Contoso.Platform.Rules" }, extensions.Select(e => (string?)e["name"]).ToArray());
        CollectionAssert.AreEquivalent(new[] { "CONTOSO0001", "CONTOSO0002", "CONTOSO0003", "CONTOSO1001" },
            extensions.SelectMany(e => e["rules"]!).Select(r => (string?)r["id"]).ToArray());
    }

    [TestMethod]
    public void NoWarn_silences_a_pack_rule()
    {
        var (exit, diagnostics, log) = feed.Run("build", "-p:NoWarn=CONTOSO0001%3BCONTOSO1001");

        Assert.AreEqual(0, exit, log);
        CollectionAssert.AreEqual(new[] { "infra/landing.bicep(5,3): warning CONTOSO0002", "infra/plan.json(11,16): warning CONTOSO0003" }, diagnostics, log);
    }

    [TestMethod]
    public void Package_carries_the_props_the_rules_and_the_assembly_and_no_compile_reference()
    {
        using var zip = ZipFile.OpenRead(rulePackage);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var entry in new[] { "build/Contoso.Platform.Rules.props", "rules/contoso.infralint-rules.json", "tools/net8.0/Contoso.Platform.Rules.dll" })
            Assert.IsTrue(entries.Contains(entry), $"{entry} is missing from the package");
        Assert.IsFalse(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.EndsWith("InfraLint.Sdk.dll", StringComparison.Ordinal)),
            "no compile reference, and InfraLint.Sdk comes from InfraLint itself");
    }
}
