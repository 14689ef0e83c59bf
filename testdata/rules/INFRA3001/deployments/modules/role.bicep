// Assigns a role on the module's resource group. Alone, nothing is known about the principal.
param principalId string
param roleDefinitionId string

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect via main.bicep: INFRA3001
  name: guid(resourceGroup().id, principalId, roleDefinitionId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId) // expect via main.bicep: INFRA3002
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
