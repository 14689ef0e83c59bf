// languageVersion 2.0 (user-defined types): `storage.listKeys()` compiles to listKeys('storage', …).
// The key exported through the AVM-shaped module is still known to come from a storage account,
// a Cognitive Services account and a Search service.

import { secretToSetType } from 'modules/key-vault-export.bicep'

param location string = resourceGroup().location

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stexportkeys'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
  }
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-export'
}

resource search 'Microsoft.Search/searchServices@2023-11-01' existing = {
  name: 'srch-export'
}

var exported secretToSetType[] = [
  { name: 'storage-key', value: storage.listKeys().keys[0].value }
  { name: 'openai-key', value: openAi.listKeys().key1 }
  { name: 'search-key', value: search.listAdminKeys().primaryKey }
]

module export 'modules/key-vault-export.bicep' = {
  name: 'export-secrets'
  params: {
    keyVaultName: 'kv-export'
    secretsToSet: exported
  }
}
