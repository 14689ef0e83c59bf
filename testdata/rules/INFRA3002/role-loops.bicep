// Each item of a role-assignment loop over a known collection is a grant of its own: the second
// item grants Contributor to a service principal. A role taken from the item is reported where the
// item writes it; a role written in the loop body, at the body's roleDefinitionId.
param principalId string
param location string = resourceGroup().location

var roles = [
  {
    name: 'reader'
    id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
  }
  {
    name: 'contributor'
    id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c') // expect: INFRA3002@5
  }
]

// Items of a parameter's default. The role id is built in the loop body from the item
// (subscriptionResourceId(…, role)), so the Owner grant is reported at the body's roleDefinitionId.
param workerRoles array = [
  'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
]

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-worker'
  location: location
}

resource grants 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: {
  name: guid(resourceGroup().id, principalId, role.id)
  properties: {
    roleDefinitionId: role.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

// An index over range(): the item's value is assembled in the loop body, where it is reported.
resource ranged 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for i in range(0, 2): {
  name: guid(resourceGroup().id, principalId, roles[i].id)
  properties: {
    roleDefinitionId: roles[i].id // expect: INFRA3002@5
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

resource workerGrants 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (role, i) in workerRoles: {
  name: guid(resourceGroup().id, worker.id, role, string(i))
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role) // expect: INFRA3002@5
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

// A loop over a collection nobody knows stays one assignment with an unknown role: nothing is guessed.
param callerRoles array

resource unknownGrants 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in callerRoles: {
  name: guid(resourceGroup().id, principalId, role)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]
