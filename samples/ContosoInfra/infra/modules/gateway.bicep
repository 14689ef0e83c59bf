// AI gateway: API Management in front of the chat assistant's Azure OpenAI account, so that apps
// reach the model through one place that authenticates, limits and meters their calls.

@description('Azure region of the gateway.')
param location string

@description('Name of the API Management service.')
param gatewayName string

@description('Name of the Azure OpenAI account the gateway fronts.')
param openAiAccountName string

@description('Key Vault secret URI of the OpenAI key the platform team stored for the gateway.')
param openAiKeySecretUri string

param tags object = {}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiAccountName
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: gatewayName
  location: location
  tags: tags
  sku: {
    name: 'BasicV2'
    capacity: 1
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publisherEmail: 'platform@contoso.com'
    publisherName: 'Contoso platform team'
  }
}

// Every API's token use, per subscription.
resource tokenMetrics 'Microsoft.ApiManagement/service/policies@2024-05-01' = {
  parent: apim
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><azure-openai-emit-token-metric namespace="contoso-chat"><dimension name="Subscription ID" /></azure-openai-emit-token-metric></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>'
  }
}

resource openAiKey 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: apim
  name: 'openai-key'
  properties: {
    displayName: 'openai-key'
    secret: true
    keyVault: {
      secretIdentifier: openAiKeySecretUri
    }
  }
}

resource openAiBackend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: apim
  name: 'openai'
  properties: {
    protocol: 'http'
    url: '${openAi.properties.endpoint}openai'
    credentials: {
      header: {
        // Deliberate mistake (INFRA5004): the key moved into Key Vault, but it is still a key. The
        // gateway's identity with Cognitive Services OpenAI User needs none.
        'api-key': ['{{openai-key}}']
      }
    }
  }
}

resource chatApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'chat'
  properties: {
    displayName: 'Chat completions'
    path: 'openai'
    protocols: ['https']
    subscriptionRequired: true
  }
}

resource chatPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: chatApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    // Deliberate mistake (INFRA5005): no azure-openai-token-limit, so one client can use the whole quota.
    value: '<policies><inbound><base /><set-backend-service backend-id="openai" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>'
  }
}

output gatewayUrl string = apim.properties.gatewayUrl
