// The Azure Verified Modules deployment-script shape: the account comes in as a resource id and its
// key is read from an `existing` reference.
param storageAccountResourceId string = ''
param location string

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = if (!empty(storageAccountResourceId)) {
  name: last(split((!empty(storageAccountResourceId) ? storageAccountResourceId : 'dummyAccount'), '/'))
}

var storageAccountSettings = !empty(storageAccountResourceId)
  ? {
      storageAccountKey: storageAccount!.listKeys().keys[0].value
      storageAccountName: last(split(storageAccountResourceId, '/'))
    }
  : null

resource seed 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'ds-seed'
  location: location
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.61.0'
    retentionInterval: 'PT1H'
    storageAccountSettings: !empty(storageAccountResourceId) ? storageAccountSettings : null
    scriptContent: 'echo seeded'
  }
}
