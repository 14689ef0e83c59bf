// Different applications on one identity, but both need the same rights (both read the same
// container): nothing is widened, so nothing is suggested. Parts of one application by name
// (contoso-chat and contoso-chat-api) are not different applications.
param location string = resourceGroup().location

var blobReader = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
var busSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stcatalogassets'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: false }
}

resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-contoso-chat'
  location: location
  properties: { disableLocalAuth: true }
}

resource readers 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-asset-readers'
  location: location
}

resource catalog 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-catalog-prod'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${readers.id}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'ASSETS', value: storage.properties.primaryEndpoints.blob }
      ]
    }
  }
}

resource thumbnails 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-thumbnails-prod'
  location: location
  kind: 'functionapp'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${readers.id}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'ASSETS', value: storage.properties.primaryEndpoints.blob }
      ]
    }
  }
}

resource readAssets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, readers.id, 'read')
  scope: storage
  properties: {
    principalId: readers.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: blobReader
  }
}

resource chatIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-contoso-chat-prod'
  location: location
}

resource chatWeb 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-contoso-chat-prod'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${chatIdentity.id}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'ASSETS', value: storage.properties.primaryEndpoints.blob }
      ]
    }
  }
}

resource chatApi 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-contoso-chat-api-prod'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${chatIdentity.id}': {} } }
  properties: {
    template: {
      containers: [
        {
          name: 'api'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'BUS', value: '${bus.name}.servicebus.windows.net' }
          ]
        }
      ]
    }
  }
}

resource chatRead 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, chatIdentity.id, 'read')
  scope: storage
  properties: {
    principalId: chatIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: blobReader
  }
}

resource chatSend 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, chatIdentity.id, 'send')
  scope: bus
  properties: {
    principalId: chatIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: busSender
  }
}
