// The experiment's identity, and what it may do in production through a module.
resource rankerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-exp-ranker'
  location: 'westeurope'
  tags: { environment: 'experiment' }
}

module access 'modules/grant.bicep' = {
  name: 'ranker-access'
  scope: resourceGroup('rg-contoso-chat-prod')
  params: {
    principalId: rankerIdentity.properties.principalId
    roleId: 'b24988ac-6180-42a0-ab88-20f7382dd24c' // Contributor
  }
}
