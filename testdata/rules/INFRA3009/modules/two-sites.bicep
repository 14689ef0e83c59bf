// Both web apps of one module: one deployment, which says nothing about whether they are one application.
param location string
param identityId string
param blobEndpoint string
param busNamespace string

resource front 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${uniqueString(resourceGroup().id, 'front')}'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'BLOB_ENDPOINT', value: blobEndpoint }
      ]
    }
  }
}

resource back 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${uniqueString(resourceGroup().id, 'back')}'
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'BUS__fullyQualifiedNamespace', value: busNamespace }
      ]
    }
  }
}
