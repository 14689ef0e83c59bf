// The module deploys a public account. In the production resource group that is reported (in the
// module, at the account); a subscription deployment can also create the production group itself.
targetScope = 'subscription'

param location string = 'westeurope'

resource production 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-prod-assistant'
  location: location
}

module account 'modules/openai-account.bicep' = {
  name: 'openai-production'
  scope: production
  params: {
    name: 'oaiassistant'
    location: location
  }
}
