// AI Services accounts publish their model endpoints in properties.endpoints['…'] as well as in
// properties.endpoint: an API whose serviceUrl reads either is a model API (INFRA5005/5006), and a
// production app setting that reads either, or builds the account's host name from it with
// replace()/format(), calls the model around the gateway (INFRA5007). A gateway backend URL written
// into a policy with replace() over a parameter's default is a model backend too.
param location string = resourceGroup().location
param policyTemplate string = '<policies><inbound><base /><set-backend-service base-url="{backend}" /><authentication-managed-identity resource="https://cognitiveservices.azure.com" /></inbound><backend><base /></backend><outbound><base /></outbound></policies>'

var prod = {
  environment: 'prod'
}

resource ai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ais-support'
  location: location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  tags: prod
  properties: {
    customSubDomainName: 'ais-support'
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

resource chatApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = { // expect: INFRA5005@1, INFRA5006@1
  parent: apim
  name: 'chat'
  properties: {
    displayName: 'Chat'
    path: 'openai'
    protocols: ['https']
    serviceUrl: '${ai.properties.endpoints['OpenAI Language Model Instance API']}openai'
  }
}

resource inferenceApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'inference'
  properties: {
    displayName: 'Inference'
    path: 'models'
    protocols: ['https']
  }
}

resource inferencePolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: inferenceApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: replace(policyTemplate, '{backend}', 'https://ais-support.services.ai.azure.com/models') // expect: INFRA5005@5, INFRA5006@5
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
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
          name: 'AZURE_AI_INFERENCE_ENDPOINT' // expect: INFRA5007@11
          value: ai.properties.endpoints['Azure AI Model Inference API']
        }
        {
          name: 'AZURE_OPENAI_HOST' // expect: INFRA5007@11
          value: replace(replace(ai.properties.endpoint, 'https://', ''), '/', '')
        }
        {
          name: 'OPENAI_URL' // expect: INFRA5007@11
          value: format('https://{0}.openai.azure.com/', ai.name)
        }
      ]
    }
  }
}
