// A generic grant module: on its own neither principal nor role is known, so no budget applies.
param principalId string
param roleId string
param storageName string = 'stordersdata'

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageName
}

resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, principalId, roleId)
  scope: store
  properties: {
    // expect-next-line via grant.agent.bicepparam: INFRA3003@5
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId) // expect via main-with-module.bicep: INFRA3003@5
    principalId: principalId
  }
}
