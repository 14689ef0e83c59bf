// Settings the compiler inlines (a var whose value calls listKeys() is written into each resource that reads it) are
// reported at the var's element that holds the setting, not at appSettings; a ternary between two arrays of settings
// with a known condition is reported in the array it chooses.
param useKeys bool = true
param location string = resourceGroup().location

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'storders'
}

var storageSettings = [
  {
    name: 'STORAGE_CONNECTION' // expect: INFRA1001@5, INFRA1002@5
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value}'
  }
  {
    name: 'STORAGE_NAME'
    value: storage.name
  }
]

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: storageSettings
    }
  }
}

resource chosen 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-chosen'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: useKeys ? [
        {
          name: 'STORAGE_KEY' // expect: INFRA1001@11, INFRA1002@11
          value: storage.listKeys().keys[0].value
        }
      ] : [
        {
          name: 'STORAGE_ACCOUNT'
          value: storage.name
        }
      ]
    }
  }
}

// The condition chooses the branch without keys: nothing is reported.
resource identityBased 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-identity'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: !useKeys ? [
        {
          name: 'STORAGE_KEY'
          value: storage.listKeys().keys[0].value
        }
      ] : [
        {
          name: 'STORAGE_ACCOUNT__accountName'
          value: storage.name
        }
      ]
    }
  }
}
