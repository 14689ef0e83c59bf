// A generic grant module: on its own neither principal nor role is known.
param principalId string
param roleId string

resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, roleId)
  properties: {
    // expect-next-line via grant-role.contributor.bicepparam: INFRA3002@5
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId) // expect via main-with-module.bicep: INFRA3002@5
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
