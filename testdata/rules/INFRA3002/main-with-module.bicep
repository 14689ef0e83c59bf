// The module receives the role as a parameter: the finding is at the module's roleDefinitionId line.
param location string = resourceGroup().location

resource pipeline 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-release-pipeline'
  location: location
}

module grant 'modules/grant-role.bicep' = {
  name: 'grant-role'
  params: {
    principalId: pipeline.properties.principalId
    roleId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
  }
}
