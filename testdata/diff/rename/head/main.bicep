resource ordersWorker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-worker'
  location: 'westeurope'
}

resource ordersQueue 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: 'sb-orders-prod'
}

resource canSend 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: ordersQueue
  name: guid(ordersQueue.id, ordersWorker.id, 'sender')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
    principalId: ordersWorker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource ordersPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-orders'
  location: 'westeurope'
  sku: { name: 'B1' }
}

resource ordersApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-worker'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${ordersWorker.id}': {} }
  }
  properties: {
    serverFarmId: ordersPlan.id
    siteConfig: {
      appSettings: [
        { name: 'SERVICEBUS_HOST', value: '${ordersQueue.name}.servicebus.windows.net' }
        { name: 'API_TOKEN', value: 'not-a-key-vault-reference' }
      ]
    }
  }
}
