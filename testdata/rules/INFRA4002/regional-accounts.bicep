// The environments come from the .bicepparam file: deployed with regional-accounts.mixed.bicepparam, one
// loop creates a dev and a prod account. On its own default (prod only) nothing is mixed.
param location string = resourceGroup().location
param environments array = [
  'prod'
]

resource accounts 'Microsoft.Storage/storageAccounts@2023-05-01' = [for environment in environments: { // expect via regional-accounts.mixed.bicepparam: INFRA4002
  name: 'stregional${environment}'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  tags: {
    environment: environment
  }
  properties: {
    allowSharedKeyAccess: false
  }
}]
