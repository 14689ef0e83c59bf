using InfraLint.Core.Engine;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// What testdata cannot express: a finding that appears only through a module call is reported in
/// the module, at the property that uses the value (the module file run alone has no value), and a
/// module analysed with several callers' values reports one place.
/// </summary>
[TestClass]
public sealed class ModuleFlowTests
{
    [TestMethod]
    public void Reports_a_key_passed_to_a_module_at_the_setting_in_the_module()
    {
        var (dir, main) = NewProject();
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
        // The @secure() parameter is a secret in a plain app setting too (INFRA1001), whatever its name.
        CollectionAssert.AreEqual(new[] { "app.bicep(11,11): INFRA1001", "app.bicep(11,11): INFRA1002" }, Analyze(main));
    }

    [TestMethod]
    public void Reports_a_key_in_settings_passed_whole_to_a_module_at_the_callers_property_that_passes_them()
    {
        var (dir, main) = NewProject();
        File.WriteAllText(main, """
            resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'stfunc'
            }

            module settings 'app-settings.bicep' = {
              name: 'settings'
              params: {
                name: 'func-orders'
                appSettings: {
                  FUNCTIONS_EXTENSION_VERSION: '~4'
                  AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=${store.name};AccountKey=${store.listKeys().keys[0].value}'
                }
              }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "app-settings.bicep"), """
            param name string

            @secure()
            param appSettings object

            resource site 'Microsoft.Web/sites@2023-12-01' existing = {
              name: name
            }

            resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
              parent: site
              name: 'appsettings'
              properties: appSettings
            }
            """);

        // The caller writes the settings as they are, so the finding is where the caller writes them (issue 22: deployments, not files).
        Assert.AreEqual("main.bicep(9,5): INFRA1001\nmain.bicep(9,5): INFRA1002", string.Join("\n", Analyze(main)));
    }

    [TestMethod]
    public void Reports_a_vault_module_once_whatever_its_callers_pass()
    {
        var (dir, main) = NewProject();
        File.WriteAllText(main, """
            module withReader 'vault.bicep' = {
              name: 'with-reader'
              params: { name: 'kv-a', principalId: '00000000-0000-0000-0000-000000000001' }
            }

            module withoutReader 'vault.bicep' = {
              name: 'without-reader'
              params: { name: 'kv-b' }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "vault.bicep"), """
            param name string
            param principalId string = ''

            resource vault 'Microsoft.KeyVault/vaults@2022-07-01' = {
              name: name
              location: 'westeurope'
              properties: {
                tenantId: tenant().tenantId
                sku: { family: 'A', name: 'standard' }
                accessPolicies: !empty(principalId) ? [
                  { tenantId: tenant().tenantId, objectId: principalId, permissions: { secrets: [ 'get' ] } }
                ] : []
              }
            }
            """);

        CollectionAssert.AreEqual(new[] { "vault.bicep(4,1): INFRA2005" }, Analyze(main));
    }

    [TestMethod]
    public void A_storage_account_a_script_module_uses_is_not_reported_and_the_other_is_reported_where_the_caller_turns_keys_on()
    {
        var data = TestEnvironment.TestData("rules", "INFRA2002");
        var main = Path.Combine(data, "script-storage-from-module.bicep");
        var module = Path.Combine(data, "modules", "script-storage-account.bicep");
        // Alone, the module cannot see the script: its account is reported.
        CollectionAssert.AreEqual(new[] { "script-storage-account.bicep(5,1): INFRA2002" }, Analyze(module));
        // In one run with the caller, the caller's context exempts that place in the module's own analysis too
        // (whichever order the files come in); the account no script uses is reported where the caller turns its keys on.
        foreach (var inputs in new[] { new[] { main, module }, new[] { module, main } })
        {
            using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
            var found = engine.Analyze(inputs.Select(i => new InputFile(i, true)).ToList()).Findings
                .Select(f => $"{Path.GetFileName(f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {f.Id}")
                .ToArray();
            CollectionAssert.AreEqual(new[] { "script-storage-from-module.bicep(14,5): INFRA2002" }, found);
        }
    }

    [TestMethod]
    public void A_secure_parameter_passed_to_a_plain_module_parameter_is_reported_in_the_module_without_its_value()
    {
        var (dir, main) = NewProject();
        File.WriteAllText(main, """
            @secure()
            param cosmosKey string = 'Zq8!planted-secret-value'

            module todo 'todo.bicep' = {
              name: 'todo'
              params: {
                cosmosKey: cosmosKey
              }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "todo.bicep"), """
            param cosmosKey string = ''

            resource api 'Microsoft.App/containerApps@2024-03-01' = {
              name: 'ca-todo-api'
              location: 'westeurope'
              identity: { type: 'SystemAssigned' }
              properties: {
                configuration: {
                  secrets: [
                    { name: 'cosmos-key', value: cosmosKey }
                  ]
                }
                template: {
                  containers: [
                    { name: 'api', image: 'mcr.microsoft.com/k8se/quickstart:latest', env: [ { name: 'COSMOS', value: cosmosKey } ] }
                  ]
                }
              }
            }
            """);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var findings = engine.Analyze([new InputFile(main, true)]).Findings;
        // The literal default is INFRA1003 where it is written; the module stores it in a secret and an environment variable.
        CollectionAssert.AreEqual(new[] { "main.bicep(2,1): INFRA1003", "todo.bicep(10,11): INFRA1004", "todo.bicep(15,84): INFRA1001" },
            findings.Select(f => $"{Path.GetFileName(f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {f.Id}").ToArray(), string.Join("\n", findings.Select(f => $"{f.Location} {f.Id} {f.Message}")));
        Assert.IsFalse(findings.Any(f => f.Message.Contains("planted", StringComparison.Ordinal)), string.Join("\n", findings.Select(f => f.Message)));
    }

    internal static (string Dir, string Main) NewProject()
    {
        var dir = Path.Combine(Path.GetTempPath(), "infralint-module-flow", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return (dir, Path.Combine(dir, "main.bicep"));
    }

    internal static string[] Analyze(string main)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        return engine.Analyze([new InputFile(main, true)]).Findings
            .Select(f => $"{Path.GetFileName(f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {f.Id}")
            .Distinct()
            .ToArray();
    }
}
