// Not reported: each identity stays in one environment. 'id-reports' runs an app whose name only
// contains an environment word ('contest' is no environment) and reads production storage;
// 'id-orders-dev' runs a sandbox app and reads sandbox storage. The deployment itself spans both
// environments (INFRA4002, reported in the module).

param location string = resourceGroup().location

var storageBlobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'

resource reports 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-reports'
  location: location
}

resource sandboxIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-dev'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-orders'
  location: location
  sku: { name: 'B1' }
}

resource contestApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-contest-entries'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${reports.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
  }
}

resource sandboxApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-dev'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${sandboxIdentity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
  }
}

resource sandboxStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'storders'
  scope: resourceGroup('rg-orders-dev')
}

resource prodStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stordersprod01'
  scope: resourceGroup('rg-orders-prod')
}

module sandboxReader 'modules/blob-reader.bicep' = {
  name: 'sandbox-reader'
  scope: resourceGroup('rg-orders-dev')
  params: {
    storageName: sandboxStorage.name
    principalId: sandboxIdentity.properties.principalId
    roleId: storageBlobDataReader
  }
}

module reportsReader 'modules/blob-reader.bicep' = {
  name: 'reports-reader'
  scope: resourceGroup('rg-orders-prod')
  params: {
    storageName: prodStorage.name
    principalId: reports.properties.principalId
    roleId: storageBlobDataReader
  }
}
