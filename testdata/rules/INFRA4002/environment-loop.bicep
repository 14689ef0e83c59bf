// One loop that creates a dev and a prod storage account deploys both environments at once: each
// item is a resource of its own, reported once at the loop's declaration.
param location string = resourceGroup().location
param environments array = [
  'dev'
  'prod'
]

resource accounts 'Microsoft.Storage/storageAccounts@2023-05-01' = [for environment in environments: { // expect: INFRA4002
  name: 'stcontoso${environment}'
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

// A loop over items of one environment mixes nothing.
var prodRegions = [
  'westeurope'
  'northeurope'
]

resource prodAccounts 'Microsoft.Storage/storageAccounts@2023-05-01' = [for (region, i) in prodRegions: {
  name: 'stcontosoprod${i}'
  location: region
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  tags: {
    environment: 'prod'
  }
  properties: {
    allowSharedKeyAccess: false
  }
}]
