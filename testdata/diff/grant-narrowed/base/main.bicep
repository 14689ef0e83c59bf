resource batch 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-batch'
  location: 'westeurope'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stbatchdata'
}

// Contributor on the resource group: narrowed to Reader on the same scope.
resource manage 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, batch.id, 'contributor')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Reader on the resource group: narrowed to the one account it reads.
resource read 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, batch.id, 'blob-reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
