using InfraLint.Core.Engine;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// Messages name settings and resources by what the reader can find: the evaluated name, where a collection is set
/// when InfraLint cannot take it apart, "computed at deployment" only for a name that is, and in ARM JSON the name
/// as written before the type.
/// </summary>
[TestClass]
public sealed class SettingNameTests
{
    [TestMethod]
    public void Says_computed_at_deployment_only_for_a_name_of_deployment_time_values()
    {
        var messages = MessageTests.Analyze("""
            param settingPrefix string
            param location string = 'westeurope'

            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app-orders'
              location: location
              identity: { type: 'SystemAssigned' }
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: '${settingPrefix}_KEY', value: 'DefaultEndpointsProtocol=https;AccountName=storders;AccountKey=${listKeys(resourceId('Microsoft.Storage/storageAccounts', 'storders'), '2023-05-01').keys[0].value}' }
                  ]
                }
              }
            }
            """).Where(f => f.Id is "INFRA1001" or "INFRA1002").Select(f => $"{f.Id}: {f.Message}").ToList();

        CollectionAssert.Contains(messages, "INFRA1001: App setting whose name is computed at deployment of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity", string.Join("\n", messages));
        CollectionAssert.Contains(messages, "INFRA1002: App setting whose name is computed at deployment of 'site' takes a key from listKeys() of a storage account; use an identity-based connection and grant the app's managed identity a Storage data role (e.g. Storage Blob Data Contributor)", string.Join("\n", messages));
        Assert.IsFalse(messages.Any(m => m.Contains("(computed name)", StringComparison.Ordinal)), string.Join("\n", messages));
    }

    [TestMethod]
    public void Names_a_setting_by_the_value_a_caller_two_modules_up_writes_also_as_an_object_key()
    {
        using var dir = new TempFolder();
        var main = dir.Write("main.bicep", """
            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'stfunc'
            }

            module mid 'mid.bicep' = {
              name: 'mid'
              params: {
                settingName: 'AzureWebJobsStorage'
                value: 'DefaultEndpointsProtocol=https;AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'
              }
            }
            """);
        dir.Write("mid.bicep", """
            param settingName string
            @secure()
            param value string

            module leaf 'leaf.bicep' = {
              name: 'leaf'
              params: {
                name: settingName
                value: value
              }
            }
            """);
        dir.Write("leaf.bicep", """
            param name string
            @secure()
            param value string

            resource site 'Microsoft.Web/sites@2023-12-01' existing = {
              name: 'func-orders'
            }

            resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
              parent: site
              name: 'appsettings'
              properties: {
                '${name}': value
              }
            }
            """);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var messages = engine.Analyze([new InputFile(main, true)]).Findings.Select(f => $"{f.Location!.Line}: {f.Id}: {f.Message}").ToList();
        CollectionAssert.AreEqual(new[]
        {
            "13: INFRA1001: App setting 'AzureWebJobsStorage' of 'settings' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
            "13: INFRA1002: App setting 'AzureWebJobsStorage' of 'settings' takes a key from listKeys() of a storage account; use an identity-based connection and grant the app's managed identity a Storage data role (e.g. Storage Blob Data Contributor)",
        }, messages, string.Join("\n", messages));

        // The leaf alone cannot know the name: computed at deployment, never the key's expression.
        var alone = engine.Analyze([new InputFile(System.IO.Path.Combine(dir.Path, "leaf.bicep"), true)]).Findings.Single(f => f.Id == "INFRA1001");
        Assert.AreEqual("App setting whose name is computed at deployment of 'settings' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity", alone.Message);
    }

    [TestMethod]
    public void Names_an_ARM_resource_by_its_name_as_written_before_its_type()
    {
        using var dir = new TempFolder();
        var file = dir.Write("vm.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "vmName": { "type": "string" } },
              "resources": [
                { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "[parameters('vmName')]", "location": "westeurope", "properties": {} }
              ]
            }
            """);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        var finding = engine.Analyze([new InputFile(file, true)]).Findings.Single(f => f.Id == "INFRA2001");
        Assert.AreEqual("'[parameters('vmName')]' (Microsoft.Compute/virtualMachines) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets", finding.Message);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infralint-name-tests", Guid.NewGuid().ToString("N"));

        public string Write(string name, string text)
        {
            Directory.CreateDirectory(Path);
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
