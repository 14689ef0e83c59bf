// The sandbox identity is handed to a module deployed into the production resource group: the grant
// there is reported in the module, at the role assignment (its scope is the module's resource group).
param location string = resourceGroup().location

resource experimentIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-exp-ranker'
  location: location
}

module grant 'modules/grant-reader.bicep' = {
  name: 'grant-reader-prod'
  scope: resourceGroup('rg-prod-search')
  params: {
    principalId: experimentIdentity.properties.principalId
  }
}
