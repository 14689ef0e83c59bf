// Four workload identities made in a loop, each granted Key Vault Secrets User in a loop: one more than
// secretReaders.max (default 3). Each loop item is a grant of its own, so the fourth is reported, at the loop.
param location string = resourceGroup().location

var workloads = ['api', 'worker', 'reports', 'export']
var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-orders'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for workload in workloads: {
  name: 'id-orders-${workload}'
  location: location
}]

resource reads 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (workload, i) in workloads: { // expect: INFRA1006@1
  name: guid(vault.id, workload, 'secrets-user')
  scope: vault
  properties: {
    principalId: identities[i].properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsUser
  }
}]
