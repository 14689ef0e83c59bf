using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>INFRA1002/INFRA1005 name the service whose key is copied, and the Entra ID alternative it has (or that it has none).</summary>
[TestClass]
public sealed class ServiceAdviceTests
{
    private const string Template = """
        param storageAccountId string
        param serviceBusRuleId string
        param apimSubscriptionId string
        param location string = 'westeurope'

        resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
          name: 'apim-orders'
        }

        resource subscription 'Microsoft.ApiManagement/service/subscriptions@2023-05-01-preview' existing = {
          parent: apim
          name: 'orders-app'
        }

        resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
          name: 'kv-orders'
        }

        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'func-orders'
          location: location
          identity: { type: 'SystemAssigned' }
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'AzureWebJobsStorage', value: 'DefaultEndpointsProtocol=https;AccountName=${last(split(storageAccountId, '/'))};AccountKey=${listKeys(storageAccountId, '2023-05-01').keys[0].value}' }
                { name: 'ORDERS_BUS', value: 'Endpoint=sb://sb-orders.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=${listKeys(serviceBusRuleId, '2022-10-01-preview').primaryKey}' }
                { name: 'APIM_KEY', value: subscription.listSecrets().primaryKey }
                { name: 'PARTNER_KEY', value: listSecrets(apimSubscriptionId, '2023-05-01-preview').primaryKey }
              ]
            }
          }
        }

        resource storedApimKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
          parent: vault
          name: 'apim-key'
          properties: { value: subscription.listSecrets().primaryKey }
        }

        resource storedStorageKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
          parent: vault
          name: 'storage-key'
          properties: { value: listKeys(storageAccountId, '2023-05-01').keys[0].value }
        }
        """;

    [TestMethod]
    public void Names_the_service_of_the_listed_key_and_its_Entra_ID_alternative_or_that_there_is_none()
    {
        var messages = MessageTests.Analyze(Template).Where(f => f.Id is "INFRA1002" or "INFRA1005").Select(f => $"{f.Id}: {f.Message}");
        Assert.AreEqual(string.Join("\n", new[]
        {
            "INFRA1002: App setting 'AzureWebJobsStorage' of 'site' takes a key from listKeys() of a storage account; use an identity-based connection and grant the app's managed identity a Storage data role (e.g. Storage Blob Data Contributor)",
            "INFRA1002: App setting 'ORDERS_BUS' of 'site' takes a key from listKeys() of a Service Bus namespace; use an identity-based connection (fullyQualifiedNamespace) and grant Azure Service Bus Data Sender or Receiver",
            "INFRA1002: App setting 'APIM_KEY' of 'site' takes a key from listSecrets() of an API Management subscription; subscription keys have no Microsoft Entra ID alternative: reference the key from Key Vault, or require an Entra ID token (validate-jwt or validate-azure-ad-token) instead of a subscription",
            "INFRA1002: App setting 'PARTNER_KEY' of 'site' takes a key from listSecrets() of an API Management subscription; subscription keys have no Microsoft Entra ID alternative: reference the key from Key Vault, or require an Entra ID token (validate-jwt or validate-azure-ad-token) instead of a subscription",
            "INFRA1005: Key Vault secret 'storage-key' stores a key from listKeys() of a storage account, which accepts Microsoft Entra ID; grant the callers' managed identities a Storage data role (e.g. Storage Blob Data Contributor), and drop the secret",
        }), string.Join("\n", messages));
    }
}
