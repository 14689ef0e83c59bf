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
    roleId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' // Reader
  }
}
