// Resources whose condition is known to be false deploy nothing: the module's key account (this caller passes
// deployKeyAccount: false), an account behind `if (false)` and one behind a parameter whose default is false. The
// module's unconditional account and the account behind `if (true)` are reported.
param location string = resourceGroup().location
param deployArchive bool = false

module accounts 'modules/conditional-account.bicep' = {
  name: 'accounts'
  params: {
    location: location
    deployKeyAccount: false
  }
}

resource disabled 'Microsoft.Storage/storageAccounts@2023-05-01' = if (false) {
  name: 'stdisabled'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: true }
}

resource archive 'Microsoft.Storage/storageAccounts@2023-05-01' = if (deployArchive) {
  name: 'starchive'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: true }
}

resource enabled 'Microsoft.Storage/storageAccounts@2023-05-01' = if (true) {
  name: 'stenabled'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: true } // expect: INFRA2002@17
}
