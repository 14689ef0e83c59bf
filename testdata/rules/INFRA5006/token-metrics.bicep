// Every model API here has a token limit; only some emit token metrics.

param location string = resourceGroup().location

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-metrics'
  location: location
  sku: { name: 'StandardV2', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: 'platform@contoso.com'
    publisherName: 'Contoso'
  }
}

resource limits 'Microsoft.ApiManagement/service/policies@2024-05-01' = {
  parent: apim
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="8000" /></inbound></policies>'
  }
}

resource openAi 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: apim
  name: 'openai'
  properties: {
    protocol: 'http'
    url: 'https://oai-metrics.cognitiveservices.azure.com/openai'
  }
}

resource chat 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'chat'
  properties: {
    displayName: 'Chat'
    path: 'chat'
    protocols: ['https']
  }

  resource policy 'policies' = {
    name: 'policy'
    properties: {
      format: 'rawxml'
      value: '<policies><inbound><base /><set-backend-service backend-id="openai" /></inbound><backend><base /></backend></policies>' // expect: INFRA5006@7
    }
  }
}

resource embeddings 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'embeddings'
  properties: {
    displayName: 'Embeddings'
    path: 'embeddings'
    protocols: ['https']
  }

  resource policy 'policies' = {
    name: 'policy'
    properties: {
      format: 'rawxml'
      value: '<policies><inbound><base /><set-backend-service base-url="https://oai-metrics.openai.azure.com/openai" /><llm-emit-token-metric namespace="ai"><dimension name="Client IP" value="@(context.Request.IpAddress)" /></llm-emit-token-metric></inbound></policies>'
    }
  }
}

// Metrics at product scope, linked with apiLinks (newer API versions).
resource search 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'search'
  properties: {
    displayName: 'Search'
    path: 'search'
    protocols: ['https']
    serviceUrl: 'https://oai-metrics.openai.azure.com/openai'
  }
}

resource analytics 'Microsoft.ApiManagement/service/products@2024-06-01-preview' = {
  parent: apim
  name: 'analytics'
  properties: {
    displayName: 'Analytics'
    state: 'published'
  }

  resource searchLink 'apiLinks' = {
    name: 'search-link'
    properties: {
      apiId: search.id
    }
  }

  resource policy 'policies' = {
    name: 'policy'
    properties: {
      format: 'rawxml'
      value: '<policies><inbound><base /><azure-openai-emit-token-metric><dimension name="Product ID" /></azure-openai-emit-token-metric></inbound></policies>'
    }
  }
}
