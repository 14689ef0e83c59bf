using System.Reflection;
using InfraLint.Sdk.Testing;
using InfraLint.Tests;

namespace InfraLint.Core.Tests.Packs;

/// <summary>The sample pack's testdata, checked with the SDK's test helper as a pack author would.</summary>
[TestClass]
public sealed class SamplePackTests
{
    private static string SamplePack => Path.Combine(TestEnvironment.RepoRoot, "samples", "RulePacks", "Contoso.Platform.Rules");

    private static string Assembly =>
        typeof(SamplePackTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ContosoPack").Value!;

    [TestMethod]
    public void Sample_pack_testdata_matches_its_inline_expectations()
    {
        using var tester = new RulePackTester([Path.Combine(SamplePack, "rules", "contoso.infralint-rules.json"), Assembly], TestEnvironment.BicepPath);
        var files = RulePackTester.Files(Path.Combine(SamplePack, "testdata")).ToList();

        Assert.IsTrue(files.Count >= 5, string.Join(", ", files));
        tester.Verify(Path.Combine(SamplePack, "testdata"));
    }

    [TestMethod]
    public void Tester_reports_a_missing_and_an_unexpected_finding()
    {
        using var dir = new TempDirectory();
        var template = dir.Write("skus.bicep", """
            resource plan 'Microsoft.Web/serverfarms@2023-12-01' = { // expect: CONTOSO0001
              name: 'plan-x'
              location: 'eastus'
              tags: { environment: 'prod' }
              sku: { name: 'P1v3' }
            }
            """);
        using var tester = new RulePackTester([Path.Combine(SamplePack, "rules", "contoso.infralint-rules.json")], TestEnvironment.BicepPath);

        var report = tester.Check(template);

        Assert.IsNotNull(report);
        StringAssert.Contains(report, "missing:    CONTOSO0001 at line 1");
        StringAssert.Contains(report, "unexpected: CONTOSO0002 at 3,3");
    }
}
