// Four workload identities can read the orders vault's secrets: one more than secretReaders.max
// (default 3). The fourth grant is reported. Key Vault Reader cannot read secret values, and a grant
// on another vault does not count.
param location string = resourceGroup().location

var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var secretsOfficer = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
var vaultReader = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '21090545-7ca7-4776-b22c-e363652d74d2')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-orders'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}

resource otherVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-billing'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}

resource api 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-api'
  location: location
}

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-worker'
  location: location
}

resource reports 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-reports'
  location: location
}

resource exporter 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-export'
  location: location
}

resource auditor 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-audit'
  location: location
}

resource apiReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, api.id, 'secrets-user')
  scope: vault
  properties: {
    principalId: api.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsUser
  }
}

resource workerReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, worker.id, 'secrets-user')
  scope: vault
  properties: {
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsUser
  }
}

// The auditor sees which secrets exist, not their values: not a reader.
resource auditorLists 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, auditor.id, 'reader')
  scope: vault
  properties: {
    principalId: auditor.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: vaultReader
  }
}

resource reportsReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, reports.id, 'secrets-officer')
  scope: vault
  properties: {
    principalId: reports.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsOfficer
  }
}

resource exporterReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA1006@1
  name: guid(vault.id, exporter.id, 'secrets-user')
  scope: vault
  properties: {
    principalId: exporter.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsUser
  }
}

// The same identity again on the same vault is not a new reader.
resource exporterReadsAgain 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, exporter.id, 'secrets-officer')
  scope: vault
  properties: {
    principalId: exporter.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsOfficer
  }
}

resource billingReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(otherVault.id, exporter.id, 'secrets-user')
  scope: otherVault
  properties: {
    principalId: exporter.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretsUser
  }
}
