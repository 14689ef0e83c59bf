// One account this module deploys only when its caller asks (deployKeyAccount), and one it always deploys.
param location string
param deployKeyAccount bool = true

resource keyAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = if (deployKeyAccount) {
  name: 'stkeyaccount'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: true } // expect alone: INFRA2002@17
}

resource always 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stalways'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: true } // expect: INFRA2002@17
}
