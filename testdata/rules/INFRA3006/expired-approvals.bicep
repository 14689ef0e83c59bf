// Approvals in ./infralint.json: one expired (CHG0039120), one valid (CHG0041877), and one expired but
// renewed by a later entry for the same grant (CHG0042002 decides).
param location string = resourceGroup().location

var prod = { environment: 'prod' }

resource api 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-api-prod'
  location: location
  tags: prod
}

resource batch 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-batch-prod'
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

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-payments-prod'
}

resource apiWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, api.id, 'secrets-officer')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7') // expect: INFRA3006@5
    principalId: api.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource apiWritesPayments 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(payments.id, api.id, 'blob-contributor')
  scope: payments
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: api.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource batchOwnsPayments 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(payments.id, batch.id, 'blob-owner')
  scope: payments
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
