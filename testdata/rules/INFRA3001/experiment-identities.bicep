// Experiment identities with roles on the whole resource group (the implicit scope of a role
// assignment here) are reported at the resource line; a role on the one resource they use is not.
param experimentPrincipalId string
param location string = resourceGroup().location

var reader = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
var blobReader = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')

resource chatIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-exp-chat'
  location: location
}

resource apiIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-orders-api'
  location: location
}

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stexpchat'
}

resource groupWide 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA3001@1
  name: guid(resourceGroup().id, chatIdentity.id, reader)
  properties: {
    roleDefinitionId: reader
    principalId: chatIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource experimentGroupWide 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA3001@1
  name: guid(resourceGroup().id, experimentPrincipalId, reader)
  properties: {
    roleDefinitionId: reader
    principalId: experimentPrincipalId
  }
}

// The fix: a role on the resource the experiment reads.
resource onTheStore 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, chatIdentity.id, blobReader)
  scope: store
  properties: {
    roleDefinitionId: blobReader
    principalId: chatIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Not an experiment identity: no environment in its name, tags or deployment.
resource apiGroupWide 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, apiIdentity.id, reader)
  properties: {
    roleDefinitionId: reader
    principalId: apiIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
