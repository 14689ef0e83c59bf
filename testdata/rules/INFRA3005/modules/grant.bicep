// A generic grant module: on its own the vault (and so its environment), the principal and the role are unknown.
param principalId string
param roleId string
param vaultName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, roleId)
  scope: vault
  properties: {
    // expect-next-line via grant.prod.bicepparam: INFRA3005@5
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId) // expect via main-with-module.bicep: INFRA3005@5
    principalId: principalId
  }
}
