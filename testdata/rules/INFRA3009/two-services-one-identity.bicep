// One identity for the orders web app and the billing function (different azd services): each holds
// the blob role orders needs and the Service Bus role billing needs.
param location string = resourceGroup().location

var blobContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
var busSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')

resource shared 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA3009@1
  name: 'id-shop-workloads'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stshoporders'
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: { allowSharedKeyAccess: false }
}

resource bus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: 'sb-shop-billing'
  location: location
  properties: { disableLocalAuth: true }
}

resource orders 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-shop-orders'
  location: location
  tags: { 'azd-service-name': 'orders' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${shared.id}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'ORDERS_BLOB_ENDPOINT', value: storage.properties.primaryEndpoints.blob }
        { name: 'AZURE_CLIENT_ID', value: shared.properties.clientId }
      ]
    }
  }
}

resource billing 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-shop-billing'
  location: location
  kind: 'functionapp'
  tags: { 'azd-service-name': 'billing' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${shared.id}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'BILLING_BUS__fullyQualifiedNamespace', value: '${bus.name}.servicebus.windows.net' }
        { name: 'AZURE_CLIENT_ID', value: shared.properties.clientId }
      ]
    }
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

// One application in two parts (the same azd service name): one identity is fine.
resource chatIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-shop-chat'
  location: location
}

resource chatWeb 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-shop-chat'
  location: location
  tags: { 'azd-service-name': 'chat' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${chatIdentity.id}': {} } }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'ORDERS_BLOB_ENDPOINT', value: storage.properties.primaryEndpoints.blob }
      ]
    }
  }
}

resource chatWorker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-shop-chat-worker'
  location: location
  tags: { 'azd-service-name': 'chat' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${chatIdentity.id}': {} } }
  properties: {
    template: {
      containers: [
        {
          name: 'worker'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'BUS', value: '${bus.name}.servicebus.windows.net' }
          ]
        }
      ]
    }
  }
}

resource chatBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, chatIdentity.id, 'blob')
  scope: storage
  properties: {
    principalId: chatIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: blobContributor
  }
}

resource chatBus 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, chatIdentity.id, 'send')
  scope: bus
  properties: {
    principalId: chatIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: busSender
  }
}
