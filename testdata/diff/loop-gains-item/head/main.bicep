var teams = [
  'search'
  'ranking'
  'pricing'
]

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for team in teams: {
  name: 'id-exp-${team}'
  location: 'westeurope'
}]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stexpshared'
}

resource reads 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (team, i) in teams: {
  scope: storage
  name: guid(storage.id, team, 'blob-reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: identities[i].properties.principalId
    principalType: 'ServicePrincipal'
  }
}]
