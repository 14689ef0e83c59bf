// The environment comes from the parameters file: through assistant.prod.bicepparam this is production.
param location string = resourceGroup().location

resource assistant 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-assistant'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'AZURE_OPENAI_ENDPOINT', value: 'https://oai-assistant.openai.azure.com/' }
      ]
    }
  }
}

resource tickets 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stassistanttickets'
}

resource writesTickets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(tickets.id, assistant.id, 'blob-contributor')
  scope: tickets
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe') // expect via assistant.prod.bicepparam: INFRA5003@5
    principalId: assistant.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
