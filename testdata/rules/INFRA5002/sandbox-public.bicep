// A sandbox AI service may be public: experiments need to be reachable from developer machines.
// Sandbox by name, by tag and by resource group (a module deployed to 'rg-dev-assistant').

param location string = resourceGroup().location

resource sandbox 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-sandbox-orders'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-sandbox-orders'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tagged 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-orders-weu'
  location: location
  tags: { environment: 'dev' }
  sku: { name: 'basic' }
  properties: {
    disableLocalAuth: true
    publicNetworkAccess: 'enabled'
  }
}

module grouped 'modules/openai-account.bicep' = {
  name: 'openai-sandbox'
  scope: resourceGroup('rg-dev-assistant')
  params: {
    name: 'oaiassistant'
    location: location
  }
}
