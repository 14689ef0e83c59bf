// The policy lives in its own XML file, which the compiler inlines. A key set in it is reported in
// the XML file, at the set-header element; the missing token metric at the value line here.

param location string = resourceGroup().location
param openAiName string = 'oai-policy-file'

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiName
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-policy-file'
  location: location
  sku: { name: 'BasicV2', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: 'platform@contoso.com'
    publisherName: 'Contoso'
  }

  resource backend 'backends' = {
    name: 'openai-backend'
    properties: {
      protocol: 'http'
      url: '${openAi.properties.endpoint}openai'
    }
  }

  resource chat 'apis' = {
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
        value: loadTextContent('chat-policy.xml') // expect: INFRA5006@9
      }
    }
  }
}
