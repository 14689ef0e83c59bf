// A sandbox app after the change: it runs as its own identity, reads its vault, has an API key pasted
// in, and reads production's storage.
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
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      appSettings: [
        { name: 'KEYVAULT_URI', value: vault.properties.vaultUri }
        { name: 'OPENAI_API_KEY', value: 'sk-this-is-pasted-in' }
        { name: 'BLOB_ENDPOINT', value: prodStorage.properties.primaryEndpoints.blob }
      ]
    }
  }
}
