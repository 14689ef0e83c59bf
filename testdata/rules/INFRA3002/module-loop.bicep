// A module loop over a known collection deploys the module once per item, each with the item's
// values: the second item grants Contributor to the pipeline's identity, reported in the module.
param location string = resourceGroup().location
param callerRoles array

var roles = [
  subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
  subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
]

resource pipeline 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-release-pipeline'
  location: location
}

module grants 'modules/assign.bicep' = [for (role, i) in roles: {
  name: 'grant-${i}'
  params: {
    principalId: pipeline.properties.principalId
    roleDefinitionId: role
  }
}]

// A caller's list nobody knows: the module's role stays unknown, nothing is guessed.
module unknownGrants 'modules/assign.bicep' = [for (role, i) in callerRoles: {
  name: 'caller-grant-${i}'
  params: {
    principalId: pipeline.properties.principalId
    roleDefinitionId: role
  }
}]
