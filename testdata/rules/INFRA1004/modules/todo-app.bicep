// Neither parameter is @secure() here: the caller's declaration makes them secrets (see
// ../secure-parameter-from-caller.bicep). Analysed on its own, '' is a known empty value that
// sets nothing.

param cosmosKey string = ''

@secure()
param sqlPassword string = ''

param environmentId string = ''

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-todo'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'COSMOS', value: cosmosKey } // expect via secure-parameter-from-caller.bicep: INFRA1001@11
        { name: 'SQL', value: sqlPassword } // expect: INFRA1001@11
        { name: 'REGION', value: resourceGroup().location }
      ]
    }
  }
}

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-todo-api'
  location: resourceGroup().location
  identity: { type: 'SystemAssigned' }
  properties: {
    environmentId: environmentId
    configuration: {
      secrets: [
        {
          name: 'cosmos-key' // expect via secure-parameter-from-caller.bicep: INFRA1004
          value: cosmosKey
        }
        {
          name: 'sql-password' // expect: INFRA1004
          value: sqlPassword
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'COSMOS', value: cosmosKey } // expect via secure-parameter-from-caller.bicep: INFRA1001@15
            { name: 'COSMOS_REF', secretRef: 'cosmos-key' }
          ]
        }
      ]
    }
  }
}
