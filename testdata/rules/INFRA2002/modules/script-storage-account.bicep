param storageAccountName string
param location string
param allowDataKeys bool = false

resource scriptStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect alone: INFRA2002@1
  name: storageAccountName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: '${storageAccountName}data'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: allowDataKeys
  }
}

output storageAccountResourceId string = scriptStorage.id
output dataStorageName string = dataStorage.name
