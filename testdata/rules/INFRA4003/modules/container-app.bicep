// One container app running as a user-assigned identity given by its caller (apps-in-two-groups.bicep).
// The app's name has no environment: it takes the environment of the resource group it is deployed to.

param name string
param identityId string
param environmentId string
param location string = resourceGroup().location

resource app 'Microsoft.App/containerApps@2024-03-01' = { // expect via apps-in-two-groups.bicep: INFRA4002
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environmentId
    template: {
      containers: [
        { name: 'api', image: 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest' }
      ]
    }
  }
}
