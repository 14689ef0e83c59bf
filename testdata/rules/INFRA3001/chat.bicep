// Analysed through chat.dev.bicepparam the deployment is sandbox (the parameters file's name), and so is
// its identity, whose name says nothing; analysed alone it has no environment.
param identityName string
param location string = resourceGroup().location

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource groupReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect via chat.dev.bicepparam: INFRA3001@1
  name: guid(resourceGroup().id, identity.id)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
