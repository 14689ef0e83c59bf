// A sandbox app before the change: no identity, no settings that reach anything.
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-sbx-chat'
  location: 'westeurope'
  tags: { environment: 'sandbox' }
  sku: { name: 'B1' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-sbx-chat'
}

resource prodStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stchatprod'
  location: 'westeurope'
  tags: { environment: 'prod' }
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: false }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-sbx-chat'
  location: 'westeurope'
  tags: { environment: 'sandbox' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
  }
}
