// One user-assigned identity runs a sandbox app and holds a role on a production vault: whatever
// runs in the sandbox acts in production. Reported at the identity's declaration.

param location string = resourceGroup().location

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource shared 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA4003
  name: 'id-orders-shared'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-orders'
  location: location
  sku: { name: 'B1' }
}

resource sandboxApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-dev-orders'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${shared.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
  }
}

resource prodVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-prod-orders'
}

// A role assignment belongs to its scope's environment: this one is production, in a deployment
// that also deploys a sandbox app (INFRA4002).
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA4002
  name: guid(prodVault.id, shared.id, keyVaultSecretsUser)
  scope: prodVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: shared.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
