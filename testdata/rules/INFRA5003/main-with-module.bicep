// The agent may call the model here; a module grants it write access to the production data store.
param location string = resourceGroup().location

resource planner 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-agent-planner'
  location: location
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-planner'
}

resource plannerCallsModel 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, planner.id, 'openai-user')
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
    principalId: planner.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module data 'modules/blob-writer.bicep' = {
  name: 'planner-writes-blobs'
  scope: resourceGroup('rg-planner-prod')
  params: {
    principalId: planner.properties.principalId
  }
}
