// An app configured with a model endpoint calls models, whatever roles it holds; a gateway URL is not
// a model endpoint.
param location string = resourceGroup().location

var serviceBusSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')

resource orders 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: 'sb-orders-prod'
}

resource bot 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-support-bot'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    template: {
      containers: [
        {
          name: 'bot'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'OPENAI_ENDPOINT', value: 'https://oai-support-prod.openai.azure.com/' }
          ]
        }
      ]
    }
  }
}

resource viaGateway 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-support-portal'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    template: {
      containers: [
        {
          name: 'portal'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'OPENAI_ENDPOINT', value: 'https://apim-support-prod.azure-api.net/openai' }
          ]
        }
      ]
    }
  }
}

resource botSendsOrders 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(orders.id, bot.id, serviceBusSender)
  scope: orders
  properties: {
    roleDefinitionId: serviceBusSender // expect: INFRA5003@5
    principalId: bot.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource portalSendsOrders 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(orders.id, viaGateway.id, serviceBusSender)
  scope: orders
  properties: {
    roleDefinitionId: serviceBusSender
    principalId: viaGateway.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
