// Reordered: the app first, the identity last, and the app's settings in another order.

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-worker'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${worker.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'API_TOKEN', value: 'not-a-key-vault-reference' }
        { name: 'SERVICEBUS_HOST', value: '${queue.name}.servicebus.windows.net' }
      ]
    }
  }
}


resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-orders'
  location: 'westeurope'
  sku: { name: 'B1' }
}


resource send 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: queue
  name: guid(queue.id, worker.id, 'sender')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}


resource queue 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: 'sb-orders-prod'
}


resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-worker'
  location: 'westeurope'
}
