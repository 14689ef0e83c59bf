// The same two workloads, unnamed and untagged, but deployed by one module: nothing tells that they are different
// applications, so nothing is suggested.
param location string = resourceGroup().location

var token = uniqueString(resourceGroup().id)
var blobContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
var busSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')

resource shared 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${token}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${token}'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: false }
}

resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-${token}'
  location: location
  properties: { disableLocalAuth: true }
}

module sites 'modules/two-sites.bicep' = {
  name: 'sites'
  params: {
    location: location
    identityId: shared.id
    blobEndpoint: storage.properties.primaryEndpoints.blob
    busNamespace: '${bus.name}.servicebus.windows.net'
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, shared.id, 'blob')
  scope: storage
  properties: {
    principalId: shared.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: blobContributor
  }
}

resource busRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, shared.id, 'send')
  scope: bus
  properties: {
    principalId: shared.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: busSender
  }
}
