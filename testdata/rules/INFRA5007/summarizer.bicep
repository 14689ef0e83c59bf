// Through summarizer.prod.bicepparam the deployment is production and the app is reported.
param location string = resourceGroup().location

resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {
  name: 'apim-shared'
}

resource summaries 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'summaries'
  properties: {
    displayName: 'Summaries'
    path: 'summaries'
    protocols: ['https']
    serviceUrl: 'https://oai-summaries.openai.azure.com/openai'
  }
}

resource summariesPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: summaries
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><authentication-managed-identity resource="https://cognitiveservices.azure.com" /></inbound><backend><base /></backend><outbound><base /></outbound></policies>'
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-summarizer'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'OPENAI_ENDPOINT' // expect via summarizer.prod.bicepparam: INFRA5007@11
          value: 'https://oai-summaries.openai.azure.com/'
        }
      ]
    }
  }
}
