// An experiment: a prototype that re-ranks chat answers. It is deployed on its own into the team's
// experiment resource group, and it makes two classic sandbox mistakes.

param location string = resourceGroup().location

var tags = {
  app: 'contoso-chat'
  environment: 'experiment'
}

resource rankerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-exp-ranker'
  location: location
  tags: tags
}

// Mistake 1 (INFRA3001): Reader on the whole resource group, where a role on the one resource the
// prototype reads would do.
resource rankerReadsEverything 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, rankerIdentity.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: rankerIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The pull request: the prototype should learn from production's chat history, so its identity gets
// Contributor on the production resource group "for now".
module productionAccess 'production-access.bicep' = {
  name: 'ranker-production-access'
  scope: resourceGroup('rg-contoso-chat-prod')
  params: {
    principalId: rankerIdentity.properties.principalId
  }
}

resource rankerPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-exp-ranker'
  location: location
  tags: tags
  sku: {
    name: 'B1'
  }
  kind: 'linux'
  properties: {
    reserved: true
  }
}

resource ranker 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-exp-ranker'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${rankerIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: rankerPlan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'PYTHON|3.12'
      appSettings: [
        {
          name: 'AZURE_CLIENT_ID'
          value: rankerIdentity.properties.clientId
        }
        {
          // Mistake 2 (INFRA4001): the experiment queries production's search index.
          name: 'SEARCH_ENDPOINT'
          value: 'https://srch-contoso-chat-prod.search.windows.net'
        }
      ]
    }
  }
}
