using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// A file whose template an earlier compile of the run showed is not compiled again (issue 26, less compiling): a local
/// module compiled inside the entry that deploys it, the source of a generated template. Counted through the engine's own
/// record of the requests its compilers were sent, with the real compiler; the module's own analysis still runs on that
/// template, which its suppression shows.
/// </summary>
[TestClass]
public sealed class CompileOnceTests
{
    private const string Main = """
        module app 'modules/app.bicep' = {
          name: 'app'
          params: {
            apiKey: '@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/api-key)'
          }
        }
        """;

    // Alone, with its default, the setting holds a plain secret: the pragma suppresses that finding, so it is not useless.
    private const string App = """
        param apiKey string = 'plain-default-key'

        resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
          name: 'plan-orders'
          location: 'westeurope'
        }

        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app-orders'
          location: 'westeurope'
          identity: { type: 'SystemAssigned' }
          properties: {
            serverFarmId: plan.id
            siteConfig: {
              appSettings: [
                #disable-next-line INFRA1001 // the default is for local runs only
                { name: 'ORDERS_API_KEY', value: apiKey }
              ]
            }
          }
        }

        module data 'data.bicep' = {
          name: 'data'
        }
        """;

    // Leaves shared-key access on by omission: INFRA2002 at the resource line.
    private const string Data = """
        resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
          name: 'stordersdata'
          location: 'westeurope'
          sku: { name: 'Standard_LRS' }
          kind: 'StorageV2'
        }
        """;

    [TestMethod]
    [DataRow(false, DisplayName = "trusted run")]
    [DataRow(true, DisplayName = "untrusted run (file references asked)")]
    public void A_module_an_entry_of_the_run_deploys_is_compiled_once(bool untrusted)
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "modules"));
        File.WriteAllText(Path.Combine(dir.Path, "main.bicep"), Main);
        File.WriteAllText(Path.Combine(dir.Path, "modules", "app.bicep"), App);
        File.WriteAllText(Path.Combine(dir.Path, "modules", "data.bicep"), Data);
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = TestEnvironment.BicepPath,
            ReadRoots = untrusted ? [dir.Path] : null,
        });
        var findings = engine.Analyze(InputDiscovery.Expand([dir.Path], out _)).Findings;

        var requests = engine.CompilerRequests;
        Assert.AreEqual(1, requests.GetValueOrDefault("bicep/compile"), Describe(requests, findings));
        Assert.AreEqual(2, engine.CompilesReused, "modules/app.bicep and modules/data.bicep take their templates from main.bicep's compile");
        Assert.AreEqual(untrusted ? 3 : 0, requests.GetValueOrDefault("bicep/getFileReferences"), Describe(requests, findings));
        // The module's own analysis ran (on the template main.bicep's compile showed): its pragma suppressed a finding.
        Assert.IsFalse(findings.Any(f => f.Id == "INFRA0004"), Describe(requests, findings));
        Assert.IsFalse(findings.Any(f => f.Id is "INFRA0001" or "INFRA0002"), Describe(requests, findings));
        Assert.IsTrue(findings.Any(f => f.Id == "INFRA2002" && f.Location!.FilePath.EndsWith("data.bicep", StringComparison.Ordinal) && f.Location.Line == 1),
            "the storage module is still analysed: " + Describe(requests, findings));
    }

    [TestMethod]
    public void The_source_of_a_generated_template_is_compiled_once()
    {
        using var dir = new TempDirectory();
        var main = Path.Combine(dir.Path, "main.bicep");
        File.WriteAllText(main, Data);
        var build = ProcessRunner.Run(TestEnvironment.BicepPath, ["build", main], dir.Path, TimeSpan.FromMinutes(2));
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var findings = engine.Analyze(InputDiscovery.Expand([dir.Path], out _)).Findings;

        Assert.AreEqual(1, engine.CompilerRequests.GetValueOrDefault("bicep/compile"), Describe(engine.CompilerRequests, findings));
        Assert.AreEqual(1, engine.CompilesReused, "the check of main.json against its source takes main.bicep's compile");
        Assert.IsFalse(findings.Any(f => f.Id == "INFRA0009"), "main.json is current: " + Describe(engine.CompilerRequests, findings));
        Assert.IsFalse(findings.Any(f => f.Location?.FilePath.EndsWith(".json", StringComparison.Ordinal) == true),
            "a current twin repeats nothing of its source: " + Describe(engine.CompilerRequests, findings));
    }

    private static string Describe(IReadOnlyDictionary<string, int> requests, IEnumerable<Finding> findings) =>
        string.Join(", ", requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")) + "\n" +
        string.Join("\n", findings.Select(f => $"{f.Location}: {f.Id} {f.Message}"));
}
