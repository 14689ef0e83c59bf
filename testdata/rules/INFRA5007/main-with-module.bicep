// The gateway is defined here; the production worker is deployed by a module and gets the model
// endpoint as a parameter: the finding is at the setting in the module.
param location string = resourceGroup().location

resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {
  name: 'apim-platform'
}

resource backend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: apim
  name: 'oai-batch'
  properties: {
    protocol: 'http'
    url: 'https://oai-batch.openai.azure.com/openai'
  }
}

module worker 'modules/worker.bicep' = {
  name: 'worker'
  params: {
    location: location
    modelEndpoint: 'https://oai-batch.openai.azure.com/'
  }
}
