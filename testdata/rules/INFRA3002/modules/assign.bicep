// Deployed once per item of module-loop.bicep's loop; on its own nothing is known.
param principalId string
param roleDefinitionId string

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, roleDefinitionId)
  properties: {
    // expect-next-line via inline-loop-items.bicep: INFRA3002@5
    roleDefinitionId: roleDefinitionId // expect via module-loop.bicep: INFRA3002@5
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
