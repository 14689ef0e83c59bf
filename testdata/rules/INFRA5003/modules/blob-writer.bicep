// Grants Storage Blob Data Contributor on the module's resource group to the principal it is given.
param principalId string

resource writer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, 'blob-contributor')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe') // expect via main-with-module.bicep: INFRA5003@5
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
