// Settings merged with what the app already has, or chosen by a condition known only at
// deployment: the settings this template writes are still read, and a key copied into them is
// reported wherever the condition may lead (as a conditional resource is checked as if deployed).

param location string = resourceGroup().location
param useIdentityForStorage bool
param extraSettings object

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stmerged'
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-merged'
  location: location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {}
}

resource currentSettings 'Microsoft.Web/sites/config@2023-12-01' existing = {
  parent: site
  name: 'metadata'
}

var storageSettings = useIdentityForStorage
  ? { AzureWebJobsStorage__accountName: storage.name }
  : { AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value}' }

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  // ARCHIVE_KEY is written in an object inside union(): reported at its key. AzureWebJobsStorage
  // comes from a ternary in a variable whose branch is not decided: reported on the property.
  properties: union(currentSettings.list().properties, extraSettings, storageSettings, { // expect: INFRA1001@3, INFRA1002@3
    FUNCTIONS_EXTENSION_VERSION: '~4'
    ARCHIVE_KEY: storage.listKeys().keys[1].value // expect: INFRA1001@5, INFRA1002@5
  })
}
