using InfraLint.Core.Engine;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// What testdata cannot express: a finding that appears only through a module call is reported in
/// the module, at the property that uses the value (the module file run alone has no value).
/// </summary>
[TestClass]
public sealed class ModuleFlowTests
{
    [TestMethod]
    public void Reports_a_key_passed_to_a_module_at_the_setting_in_the_module()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infralint-module-flow", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var main = Path.Combine(dir, "main.bicep");
        File.WriteAllText(main, """
            resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'stchat'
            }

            module app 'app.bicep' = {
              name: 'app'
              params: {
                storeKey: store.listKeys().keys[0].value
              }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "app.bicep"), """
            @secure()
            param storeKey string

            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app-chat'
              location: 'westeurope'
              identity: { type: 'SystemAssigned' }
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'CHAT_STORE', value: storeKey }
                  ]
                }
              }
            }
            """);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });

        var findings = engine.Analyze([new InputFile(main, true)]).Findings
            .Select(f => $"{Path.GetFileName(f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {f.Id}")
            .ToArray();

        CollectionAssert.AreEqual(new[] { "app.bicep(11,11): INFRA1002" }, findings);
    }
}
