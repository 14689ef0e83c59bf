// Deployed only by switched-off.bicep, under `if (false)`: in the folder nothing deploys it, so nothing is reported.
param location string

resource legacy 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlegacy${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: true // expect alone: INFRA2002
  }
}
