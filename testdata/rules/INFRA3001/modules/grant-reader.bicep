// Grants Reader on the module's resource group to whatever principal its caller passes. On its own
// the principal is unknown and nothing is reported.
param principalId string

resource groupReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect via main-with-module.bicep: INFRA3001@1
  name: guid(resourceGroup().id, principalId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
