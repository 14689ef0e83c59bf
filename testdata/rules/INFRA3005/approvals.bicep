// Approvals in ./infralint.json. High-impact on a production scope: privileged roles, roles that write or
// grant (approve), and the roles approvalsRequiredFor adds (Key Vault Secrets User).
param location string = resourceGroup().location
param adminGroupId string
param releasePrincipalId string
param someRoleId string

var prod = { environment: 'prod' }

resource batch 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-batch-prod'
  location: location
  tags: prod
}

resource api 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-api-prod'
  location: location
  tags: prod
}

resource payments 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stpaymentsprod'
  location: location
  tags: prod
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: { allowSharedKeyAccess: false }
}

resource ledger 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stledgerprod'
  location: location
  tags: prod
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: { allowSharedKeyAccess: false }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-payments-prod'
}

resource shared 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stsharedfiles'
}

// Approved (CHG0041877): nothing to report.
resource batchWritesPayments 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(payments.id, batch.id, 'blob-contributor')
  scope: payments
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The same role on another production store is not what was approved.
resource batchWritesLedger 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(ledger.id, batch.id, 'blob-contributor')
  scope: ledger
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe') // expect: INFRA3005@5
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Reading blobs is not high-impact.
resource batchReadsLedger 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(ledger.id, batch.id, 'blob-reader')
  scope: ledger
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User only reads, but approvalsRequiredFor names it.
resource apiReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, api.id, 'secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6') // expect: INFRA3005@5
    principalId: api.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Its approval (CHG0039120) expired: INFRA3006 says so, INFRA3005 does not repeat it.
resource apiWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, api.id, 'secrets-officer')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7') // expect: INFRA3006@5
    principalId: api.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Privileged roles need an approval whoever holds them.
resource adminsOwnVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, adminGroupId, 'owner')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635') // expect: INFRA3005@5
    principalId: adminGroupId
    principalType: 'Group'
  }
}

// A store whose environment is unknown is not known to be production: no finding on a guess.
resource adminsOwnShared 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(shared.id, adminGroupId, 'owner')
  scope: shared
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
    principalId: adminGroupId
    principalType: 'Group'
  }
}

// The principal is unknown here and may be the approved batch identity: no finding on a guess.
resource releaseWritesPayments 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(payments.id, releasePrincipalId, 'blob-contributor')
  scope: payments
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: releasePrincipalId
  }
}

// A role InfraLint cannot evaluate is not known to be high-impact.
resource apiSomeRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, api.id, someRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', someRoleId)
    principalId: api.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
