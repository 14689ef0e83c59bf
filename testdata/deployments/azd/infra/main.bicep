// Deployed by azd: environments .azure/dev and .azure/prod.
// Nothing in the template names an environment: the names are tokens, the environment is a parameter.
// Which deployment is sandbox and which is production is written where the repository deploys it.
param environmentName string
param dataStoreName string
param operatorRoleId string
param location string = resourceGroup().location

var token = uniqueString(subscription().id, resourceGroup().id, environmentName)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-${token}'
  location: location
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-payments-${token}'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    httpsOnly: true
    siteConfig: {
      appSettings: [
        {
          name: 'PAYMENTS_STORE_URL' // expect in dev: INFRA4001@11
          value: 'https://${dataStoreName}.blob.core.windows.net/'
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
      ]
    }
  }
}

resource operatorRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect in dev: INFRA3001@1
  name: guid(resourceGroup().id, identity.id, operatorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', operatorRoleId) // expect in dev: INFRA3002@5
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
