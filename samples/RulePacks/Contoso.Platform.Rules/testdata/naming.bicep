resource misnamed 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'vault-contoso' // expect: CONTOSO1001@3
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}

resource wellNamed 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-contoso'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}

resource generatedName 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'vault${uniqueString(resourceGroup().id)}'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }
}
