// Deployment scripts mount their storage account's file share with the account key: a storage
// account that a deployment script of this template uses cannot turn shared keys off, so it is not
// reported. Other accounts in the same template are.

param location string = resourceGroup().location
param scriptStorageName string = 'stscripts${uniqueString(resourceGroup().id)}'

resource scriptStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: scriptStorageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: true
  }
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: INFRA2002@1
  name: 'stscriptdata'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}

resource scriptIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-scripts'
  location: location
}

resource seed 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'ds-seed'
  location: location
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${scriptIdentity.id}': {}
    }
  }
  properties: {
    azCliVersion: '2.61.0'
    retentionInterval: 'PT1H'
    storageAccountSettings: {
      storageAccountName: scriptStorage.name
    }
    scriptContent: 'echo seeded'
  }
}
