// An API added to an API Management service deployed elsewhere: its service (global) policy is not in
// this template and may hold the limit and the metric, so neither is reported. A policy of its own
// without <base /> replaces the global one, so there the missing limit is reported.

param apimName string

resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {
  name: apimName
}

resource chat 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'chat'
  properties: {
    displayName: 'Chat'
    path: 'chat'
    protocols: ['https']
    serviceUrl: 'https://oai-shared.openai.azure.com/openai'
  }
}

resource embeddings 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'embeddings'
  properties: {
    displayName: 'Embeddings'
    path: 'embeddings'
    protocols: ['https']
    serviceUrl: 'https://oai-shared.openai.azure.com/openai'
  }
}

resource embeddingsPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: embeddings
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><authentication-managed-identity resource="https://cognitiveservices.azure.com" /></inbound><backend><forward-request /></backend></policies>' // expect: INFRA5005@5, INFRA5006@5
  }
}
