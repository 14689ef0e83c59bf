resource batch 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-batch'
  location: 'westeurope'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stbatchdata'
}

resource manage 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, batch.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource read 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, batch.id, 'blob-reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: batch.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
