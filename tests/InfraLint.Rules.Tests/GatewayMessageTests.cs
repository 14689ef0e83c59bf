namespace InfraLint.Rules.Tests;

/// <summary>The messages of the AI gateway rules and INFRA1005, and that they name keys, never their values.</summary>
[TestClass]
public sealed class GatewayMessageTests
{
    private const string Template = """
        resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
          name: 'oai-chat'
        }

        resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
          name: 'apim-chat'
          location: 'westeurope'
          sku: { name: 'BasicV2', capacity: 1 }
          properties: { publisherEmail: 'platform@contoso.com', publisherName: 'Contoso' }
        }

        resource key 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
          parent: apim
          name: 'openai-key'
          properties: { displayName: 'openai-key', secret: true, value: openAi.listKeys().key1 }
        }

        resource backend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
          parent: apim
          name: 'openai'
          properties: {
            protocol: 'http'
            url: '${openAi.properties.endpoint}openai'
            credentials: { header: { 'api-key': ['{{openai-key}}'] } }
          }
        }

        resource chat 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
          parent: apim
          name: 'chat'
          properties: { displayName: 'Chat', path: 'chat', protocols: ['https'] }
        }

        resource chatPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
          parent: chat
          name: 'policy'
          properties: {
            format: 'rawxml'
            value: '<policies><inbound><base /><set-backend-service backend-id="openai" /><set-header name="api-key" exists-action="override"><value>sk-not-a-real-key</value></set-header></inbound></policies>'
          }
        }

        resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
          name: 'kv-chat'
          location: 'westeurope'
          properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' }, enableRbacAuthorization: true }
        }

        resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
          parent: vault
          name: 'openai-key'
          properties: { value: openAi.listKeys().key1 }
        }
        """;

    [TestMethod]
    public void Messages_name_the_carrier_of_the_key_never_the_key()
    {
        var findings = MessageTests.Analyze(Template);
        var lines = findings.Select(f => $"{f.Id} {f.ResourceName} {f.PropertyPath}: {f.Message}").ToArray();
        Assert.AreEqual(string.Join("\n", new[]
        {
            "INFRA5004 key properties.value: Named value 'openai-key': the gateway calls the Azure OpenAI / AI Services endpoint with a key (it holds listKeys() of the AI account); authenticate with the gateway's managed identity (authentication-managed-identity) and a Cognitive Services OpenAI User role instead",
            "INFRA5004 backend properties.credentials.header.api-key: Backend 'openai': the gateway calls the Azure OpenAI / AI Services endpoint with a key (api-key header from named value 'openai-key'); authenticate with the gateway's managed identity (authentication-managed-identity) and a Cognitive Services OpenAI User role instead",
            "INFRA5004 chatPolicy properties.value: Policy 'chatPolicy': the gateway calls the Azure OpenAI / AI Services endpoint with a key (set-header api-key); authenticate with the gateway's managed identity (authentication-managed-identity) and a Cognitive Services OpenAI User role instead",
            "INFRA5005 chatPolicy properties.value: Model API 'chat' has no token limit at API, product or service scope; add azure-openai-token-limit (or llm-token-limit) so that one consumer cannot spend the whole model quota",
            "INFRA5006 chatPolicy properties.value: Model API 'chat' emits no token metrics at API, product or service scope; add azure-openai-emit-token-metric (or llm-emit-token-metric) with a dimension per consumer",
            "INFRA1005 secret properties.value: Key Vault secret 'openai-key' stores a key from listKeys() of an Azure AI services account, which accepts Microsoft Entra ID; grant the callers' managed identities Cognitive Services OpenAI User or Cognitive Services User, and drop the secret",
        }), string.Join("\n", lines.Where(l => l.StartsWith("INFRA500", StringComparison.Ordinal) && !l.StartsWith("INFRA5001", StringComparison.Ordinal) || l.StartsWith("INFRA1005", StringComparison.Ordinal))));
        Assert.IsFalse(findings.Any(f => f.Message.Contains("sk-not-a-real", StringComparison.Ordinal)));
    }
}
