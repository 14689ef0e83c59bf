// The deployment puts API Management in front of the model account. A production app that still calls
// the account's endpoint is reported at the setting's name; the gateway URL, and sandbox apps, are not.
param location string = resourceGroup().location
// (The sandbox app in a production deployment is INFRA4002 too, and it reaches production: INFRA4001.)

var prod = {
  environment: 'prod'
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-support'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  tags: prod
  properties: {
    customSubDomainName: 'oai-support'
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
  }
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-support'
  location: location
  tags: prod
  sku: {
    name: 'Developer'
    capacity: 1
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publisherEmail: 'platform@contoso.com'
    publisherName: 'Contoso'
  }
}

resource chatApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'chat'
  properties: {
    displayName: 'Chat'
    path: 'openai'
    protocols: ['https']
    serviceUrl: '${openAi.properties.endpoint}openai'
  }
}

resource chatPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: chatApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><authentication-managed-identity resource="https://cognitiveservices.azure.com" /><azure-openai-token-limit tokens-per-minute="20000" counter-key="@(context.Subscription.Id)" estimate-prompt-tokens="true" /><azure-openai-emit-token-metric namespace="openai" /></inbound><backend><base /></backend><outbound><base /></outbound></policies>'
  }
}

resource api 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-support-api'
  location: location
  tags: prod
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'AZURE_OPENAI_ENDPOINT' // expect: INFRA5007@11
          value: openAi.properties.endpoint
        }
        {
          name: 'OPENAI_HOST' // expect: INFRA5007@11
          value: 'https://oai-support.openai.azure.com/'
        }
        {
          name: 'GATEWAY_ENDPOINT'
          value: '${apim.properties.gatewayUrl}/openai'
        }
      ]
    }
  }
}

resource lab 'Microsoft.Web/sites@2023-12-01' = { // expect: INFRA4002@1
  name: 'app-support-lab'
  location: location
  tags: {
    environment: 'lab'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'AZURE_OPENAI_ENDPOINT' // expect: INFRA4001@11
          value: openAi.properties.endpoint
        }
      ]
    }
  }
}
