// A filtered loop deploys only the items its condition keeps: the disabled Owner item is not a grant. A loop over an
// array written inline has no element in the compiled JSON: its items' findings are at the loop body's property.
param principalId string

var grants = [
  {
    enabled: true
    id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c') // expect: INFRA3002@5
  }
  {
    enabled: false
    id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
  }
  {
    enabled: true
    id: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
  }
]

resource filtered 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for grant in grants: if (grant.enabled) {
  name: guid(resourceGroup().id, principalId, grant.id)
  properties: {
    roleDefinitionId: grant.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

resource inline 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [
  {
    name: 'reader'
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  }
  {
    name: 'owner'
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
]: {
  name: guid(resourceGroup().id, principalId, role.name)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id) // expect: INFRA3002@5
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]

// Filtered on an unknown value: the Owner item may deploy, so it is reported.
param enableOwner bool

resource maybe 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [
  {
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
]: if (enableOwner) {
  name: guid(resourceGroup().id, principalId, role.id, 'maybe')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id) // expect: INFRA3002@5
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}]
