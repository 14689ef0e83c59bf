// An Azure OpenAI account named by its caller (openai-per-group.bicep): the name has no environment,
// so the account takes the environment of the resource group it is deployed to.

param name string
param location string = resourceGroup().location

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect via openai-per-group.bicep: INFRA5002
  name: name
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
  }
}
