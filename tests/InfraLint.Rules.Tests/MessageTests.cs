using InfraLint.Core.Engine;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>One test per rule for the formatted message, and the promise that no value is printed.</summary>
[TestClass]
public sealed class MessageTests
{
    private const string Template = """
        resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
          name: 'stchat'
        }

        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app-chat'
          location: 'westeurope'
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'OPENAI_API_KEY', value: 'sk-not-a-real-key-1234567890' }
                { name: 'CHAT_STORE', value: store.listKeys().keys[0].value }
              ]
              connectionStrings: [
                { name: 'Orders', connectionString: 'Server=tcp:db;Password=Hunter2-not-real;', type: 'SQLAzure' }
              ]
            }
          }
        }

        resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
          name: 'crchat'
          location: 'westeurope'
          sku: { name: 'Basic' }
          properties: { adminUserEnabled: true }
        }

        resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
          name: 'kv-chat'
          location: 'westeurope'
          properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
        }

        resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
          name: 'oai-chat'
        }

        resource model 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
          parent: openAi
          name: 'gpt-4o'
          properties: { model: { format: 'OpenAI', name: 'gpt-4o' } }
        }

        resource queue 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
          name: 'sb-chat'
          location: 'westeurope'
        }

        resource api 'Microsoft.App/containerApps@2024-03-01' = {
          name: 'ca-chat'
          location: 'westeurope'
          identity: { type: 'SystemAssigned' }
          properties: {
            configuration: {
              secrets: [
                { name: 'chat-key', value: site.properties.customDomainVerificationId }
              ]
            }
          }
        }
        """;

    private static IReadOnlyList<InfraLint.Sdk.Finding> Findings() => Analyze(Template);

    /// <summary>The findings of all built-in rules in one Bicep file with <paramref name="template"/> as its text.</summary>
    internal static IReadOnlyList<InfraLint.Sdk.Finding> Analyze(string template)
    {
        var dir = Path.Combine(Path.GetTempPath(), "infralint-message-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "main.bicep");
        File.WriteAllText(file, template);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        return engine.Analyze([new InputFile(file, true)]).Findings;
    }

    [TestMethod]
    public void Findings_carry_the_resource_and_a_line_independent_property_path()
    {
        var paths = Findings().Select(f => $"{f.Id} {f.ResourceName} {f.ResourceType} {f.PropertyPath}");
        AssertLines(new[]
        {
            "INFRA2001 site Microsoft.Web/sites ",
            "INFRA1001 site Microsoft.Web/sites properties.siteConfig.appSettings[0].name",
            "INFRA1002 site Microsoft.Web/sites properties.siteConfig.appSettings[1].name",
            "INFRA1001 site Microsoft.Web/sites properties.siteConfig.connectionStrings[0].name",
            "INFRA1003 site Microsoft.Web/sites properties.siteConfig.connectionStrings[0].connectionString",
            "INFRA2003 registry Microsoft.ContainerRegistry/registries properties.adminUserEnabled",
            "INFRA2005 vault Microsoft.KeyVault/vaults ",
            "INFRA5001 model Microsoft.CognitiveServices/accounts/deployments ",
            "INFRA2002 queue Microsoft.ServiceBus/namespaces ",
            "INFRA1004 api Microsoft.App/containerApps properties.configuration.secrets[0].name",
        }, paths);
    }

    [TestMethod]
    public void Messages_name_the_setting_and_resource_never_the_value()
    {
        var messages = Findings().Select(f => $"{f.Id}: {f.Message}").ToArray();
        AssertLines(new[]
        {
            "INFRA2001: 'site' (Microsoft.Web/sites) has no managed identity; assign a system- or user-assigned identity so it can reach other services without secrets",
            "INFRA1001: App setting 'OPENAI_API_KEY' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
            "INFRA1002: App setting 'CHAT_STORE' of 'site' takes a key from listKeys() of a storage account; use an identity-based connection and grant the app's managed identity a Storage data role (e.g. Storage Blob Data Contributor)",
            "INFRA1001: Connection string 'Orders' of 'site' holds a secret in plain text; use a Key Vault reference, a secret reference or a managed identity",
            "INFRA1003: Hard-coded connection string password (16 characters) in 'properties.siteConfig.connectionStrings[0].connectionString' of 'site'; rotate it, then keep it in Key Vault or replace it with a managed identity",
            "INFRA2003: 'registry' (Microsoft.ContainerRegistry/registries) enables the registry's admin user (adminUserEnabled is true); pull images with a managed identity that holds AcrPull instead",
            "INFRA2005: 'vault' (Microsoft.KeyVault/vaults) does not set enableRbacAuthorization, which defaults to false (access policies) for API version 2023-07-01; use Azure RBAC (enableRbacAuthorization: true) with Key Vault data roles instead of access policies",
            "INFRA5001: Model deployment 'model' does not set versionUpgradeOption, which defaults to OnceNewDefaultVersionAvailable, and does not pin model.version; pin model.version and set versionUpgradeOption to NoAutoUpgrade",
            "INFRA2002: 'queue' (Microsoft.ServiceBus/namespaces) allows local authentication with keys (disableLocalAuth is not set; it defaults to false); use Microsoft Entra ID with role assignments instead",
            "INFRA1004: Secret 'chat-key' of 'api' holds its value in the app; reference a Key Vault secret with keyVaultUrl and identity instead",
        }, messages);
        foreach (var message in messages)
        {
            Assert.IsFalse(message.Contains("sk-not-a-real", StringComparison.Ordinal));
            Assert.IsFalse(message.Contains("Hunter2", StringComparison.Ordinal));
        }
    }

    // One line per finding, so that a failure shows the whole difference.
    private static void AssertLines(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual));
}
