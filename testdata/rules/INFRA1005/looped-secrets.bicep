// Key Vault secrets created in a loop, each holding one of the account's keys: every item is reported
// at the body's value line, once, not at the resource line.
param location string = resourceGroup().location

var keyNames = [
  'primary'
  'secondary'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stloopkeys'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-loop'
}

resource keySecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for (keyName, i) in keyNames: {
  parent: vault
  name: 'storage-${keyName}-key'
  properties: {
    contentType: 'text/plain'
    value: storage.listKeys().keys[i].value // expect: INFRA1005@5
  }
}]
