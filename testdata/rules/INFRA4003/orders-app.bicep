// Through 'orders-app.dev.bicepparam' this deployment is a sandbox: the app (named without an
// environment) is a sandbox app, and its identity also reads secrets from the production vault.
// Analysed on its own, the app has no environment and nothing is reported.

param appName string
param location string = resourceGroup().location

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect via orders-app.dev.bicepparam: INFRA4003
  name: 'id-orders-web'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-orders-web'
  location: location
  sku: { name: 'B1' }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
  }
}

resource prodVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-prod-orders'
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect via orders-app.dev.bicepparam: INFRA4002
  name: guid(prodVault.id, identity.id, keyVaultSecretsUser)
  scope: prodVault // expect via orders-app.dev.bicepparam: INFRA4001
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
