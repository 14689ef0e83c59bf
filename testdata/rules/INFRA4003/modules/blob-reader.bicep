// Grants a principal a role on one storage account of the resource group it is deployed to.

param storageName string
param principalId string
param roleId string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageName
}

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect via one-identity-per-environment.bicep: INFRA4002
  name: guid(storage.id, principalId, roleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
