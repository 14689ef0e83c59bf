// A storage account whose shared-key setting comes from the caller.
param name string
param location string
param allowSharedKeyAccess bool = false

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: allowSharedKeyAccess // expect via main.bicep: INFRA2002
  }
}
