// Loops over an array written in the loop itself (`for role in [ … ]`): each item is a grant of its own, and a
// value the body takes from the item as it is (`role.id`) is reported where the item writes it, the element's key.
// A value the body assembles from the item (subscriptionResourceId(…, role.guid)) stays at the body's property.
param principalId string

resource grants 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [
  {
    name: 'reader'
    id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
  }
  {
    name: 'contributor'
    id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c') // expect: INFRA3002@5
  }
]: {
  name: guid(resourceGroup().id, principalId, role.name)
  properties: {
    roleDefinitionId: role.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

// Items written on one line each, looped with an index: the Owner item's key, at its column.
resource indexed 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (role, i) in [
  { name: 'reader', id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7') }
  { name: 'owner', id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635') } // expect: INFRA3002@20
]: {
  name: guid(resourceGroup().id, principalId, role.name, string(i))
  properties: {
    roleDefinitionId: role.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

// Assembled in the body from the item's GUID: reported at the body's roleDefinitionId.
resource assembled 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [
  {
    guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  }
  {
    guid: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  }
]: {
  name: guid(resourceGroup().id, principalId, role.guid, 'assembled')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.guid) // expect: INFRA3002@5
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

resource pipeline 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-release-pipeline'
  location: resourceGroup().location
}

// A module loop over an array written in place: the module is deployed once per item and the Contributor item is
// reported in the module, at the property that uses it (as for a loop over a variable, module-loop.bicep).
module moduleGrants 'modules/assign.bicep' = [for (role, i) in [
  subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
  subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
]: {
  name: 'inline-grant-${i}'
  params: {
    principalId: pipeline.properties.principalId
    roleDefinitionId: role
  }
}]
