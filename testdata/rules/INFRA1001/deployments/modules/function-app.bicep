// A function app that reads its storage with keys unless told to use its identity. Its callers in this folder always
// use the identity, so the keys branch is reported only when the file is analysed on its own.
param location string
param storageAccountResourceId string?
param useIdentityAuthentication bool = false
param storageAccountName string = 'stfuncdefault'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders'
  location: location
  kind: 'functionapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      // Alone, the default picks the keys branch; a ternary of arrays is still found at the property, not the element.
      appSettings: useIdentityAuthentication // expect alone: INFRA1001, INFRA1002
        ? [
            {
              name: 'AzureWebJobsStorage__accountName'
              value: storageAccountResourceId == null ? storage.name : last(split(storageAccountResourceId!, '/'))
            }
          ]
        : [
            {
              name: 'AzureWebJobsStorage'
              value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value}'
            }
          ]
    }
  }
}
