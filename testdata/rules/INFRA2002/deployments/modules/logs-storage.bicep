// Shared keys are on by default, and no caller in this folder sets the parameter: the finding names the default.
param location string
param allowSharedKeyAccess bool = true

resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlogs${uniqueString(resourceGroup().id)}'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: allowSharedKeyAccess // expect: INFRA2002
  }
}
