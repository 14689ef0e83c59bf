// Token limits count at API (and operation), product and service scope, and inside policy fragments.
// Every API here reaches a model except 'orders' and 'forms' (a Document Intelligence account).

param location string = resourceGroup().location
param sharedPolicy string

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-scopes'
  location: location
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-scopes'
    disableLocalAuth: true
  }
}

resource forms 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'di-scopes'
  location: location
  kind: 'FormRecognizer'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'di-scopes'
    disableLocalAuth: true
  }
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-scopes'
  location: location
  sku: { name: 'StandardV2', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: 'platform@contoso.com'
    publisherName: 'Contoso'
  }
}

resource metrics 'Microsoft.ApiManagement/service/policies@2024-05-01' = {
  parent: apim
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><llm-emit-token-metric><dimension name="Subscription ID" /></llm-emit-token-metric></inbound><backend><forward-request /></backend></policies>'
  }
}

resource east 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: apim
  name: 'openai-east'
  properties: {
    protocol: 'http'
    url: '${openAi.properties.endpoint}openai'
  }
}

resource pool 'Microsoft.ApiManagement/service/backends@2024-06-01-preview' = {
  parent: apim
  name: 'openai-pool'
  properties: {
    type: 'Pool'
    pool: {
      services: [
        { id: east.id, priority: 1 }
      ]
    }
  }
}

resource limitFragment 'Microsoft.ApiManagement/service/policyFragments@2024-05-01' = {
  parent: apim
  name: 'token-limit'
  properties: {
    format: 'rawxml'
    value: '<fragment><azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="2000" /></fragment>'
  }
}

// No limit anywhere: reported at the API, which has no policy.
resource chat 'Microsoft.ApiManagement/service/apis@2024-05-01' = { // expect: INFRA5005@1
  parent: apim
  name: 'chat'
  properties: {
    displayName: 'Chat'
    path: 'chat'
    protocols: ['https']
    serviceUrl: '${openAi.properties.endpoint}openai'
  }
}

// Routed through the pool, limited by its product's policy.
resource completions 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'completions'
  properties: {
    displayName: 'Completions'
    path: 'completions'
    protocols: ['https']
  }
}

resource completionsPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: completions
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><set-backend-service backend-id="openai-pool" /></inbound><backend><base /></backend></policies>'
  }
}

resource teamA 'Microsoft.ApiManagement/service/products@2024-05-01' = {
  parent: apim
  name: 'team-a'
  properties: {
    displayName: 'Team A'
    subscriptionRequired: true
    state: 'published'
  }
}

resource teamACompletions 'Microsoft.ApiManagement/service/products/apis@2024-05-01' = {
  parent: teamA
  name: completions.name
}

resource teamAPolicy 'Microsoft.ApiManagement/service/products/policies@2024-05-01' = {
  parent: teamA
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000" /></inbound></policies>'
  }
}

// Limited through a fragment.
resource embeddings 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'embeddings'
  properties: {
    displayName: 'Embeddings'
    path: 'embeddings'
    protocols: ['https']
    serviceUrl: 'https://oai-scopes.openai.azure.com/openai'
  }
}

resource embeddingsPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: embeddings
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><include-fragment fragment-id="token-limit" /></inbound><backend><base /></backend></policies>'
  }
}

// Includes a fragment this template does not define: it may hold the limit.
resource images 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'images'
  properties: {
    displayName: 'Images'
    path: 'images'
    protocols: ['https']
    serviceUrl: 'https://oai-scopes.openai.azure.com/openai'
  }
}

resource imagesPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: images
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><include-fragment fragment-id="central-limits" /></inbound></policies>'
  }
}

// The policy is a parameter without a default, or a link: InfraLint cannot read it, so it stays silent.
resource audio 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'audio'
  properties: {
    displayName: 'Audio'
    path: 'audio'
    protocols: ['https']
    serviceUrl: 'https://oai-scopes.openai.azure.com/openai'
  }
}

resource audioPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: audio
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: sharedPolicy
  }
}

resource assistants 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'assistants'
  properties: {
    displayName: 'Assistants'
    path: 'assistants'
    protocols: ['https']
    serviceUrl: 'https://oai-scopes.openai.azure.com/openai'
  }
}

resource assistantsPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: assistants
  name: 'policy'
  properties: {
    format: 'rawxml-link'
    value: 'https://stpolicies.blob.core.windows.net/policies/assistants.xml'
  }
}

// A limit in one operation counts for the API.
resource moderation 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'moderation'
  properties: {
    displayName: 'Moderation'
    path: 'moderation'
    protocols: ['https']
    serviceUrl: 'https://oai-scopes.services.ai.azure.com/models'
  }

  resource moderate 'operations' = {
    name: 'moderate'
    properties: {
      displayName: 'Moderate'
      method: 'POST'
      urlTemplate: '/moderate'
    }

    resource policy 'policies' = {
      name: 'policy'
      properties: {
        format: 'rawxml'
        value: '<policies><inbound><base /><azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="1000" /></inbound></policies>'
      }
    }
  }
}

// Not models.
resource orders 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'orders'
  properties: {
    displayName: 'Orders'
    path: 'orders'
    protocols: ['https']
    serviceUrl: 'https://orders.contoso.com/api'
  }
}

resource formsApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'forms'
  properties: {
    displayName: 'Forms'
    path: 'forms'
    protocols: ['https']
    serviceUrl: forms.properties.endpoint
  }
}
