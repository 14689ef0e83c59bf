// The identity is declared here and passed to a module that grants it a role on its resource group:
// the finding is in the module, where the role assignment is written.
param location string = resourceGroup().location

resource labIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-agents'
  location: location
  tags: {
    environment: 'lab'
  }
}

module grant 'modules/grant-reader.bicep' = {
  name: 'grant-reader'
  params: {
    principalId: labIdentity.properties.principalId
  }
}
