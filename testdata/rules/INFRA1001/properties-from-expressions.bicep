// Whole property objects built by expressions InfraLint cannot follow (a union() whose parts depend
// on a parameter without a default), as Azure Verified Modules write them: nothing is known about
// the settings inside, so nothing is reported, and no rule fails on them.

param location string = resourceGroup().location
param useIdentity bool
param extraProperties object
param passedSettings array
param connectionStrings array
param settingsObject object

var storageSettings = useIdentity ? { AzureWebJobsStorage__accountName: 'stavm' } : { FEATURE: 'on' }

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-avm-style'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: union({ httpsOnly: true }, extraProperties)
}

resource webConfig 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'web'
  properties: union({ minTlsVersion: '1.2' }, storageSettings)
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union({ WEBSITE_RUN_FROM_PACKAGE: '1' }, storageSettings)
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-avm-style'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: union({ environmentId: 'env' }, extraProperties)
}

resource group 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-avm-style'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: union({ osType: 'Linux', containers: [] }, extraProperties)
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-avm-style'
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'avm-style'
  properties: union({ contentType: 'text/plain' }, extraProperties)
}

// Settings passed in whole, as modules pass them through: nothing is known about them here.
resource passThrough 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-pass-through'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: passedSettings
      connectionStrings: connectionStrings
    }
  }
}

resource passThroughSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: passThrough
  name: 'appsettings'
  properties: settingsObject
}

resource passThroughConnections 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: passThrough
  name: 'connectionstrings'
  properties: settingsObject
}
