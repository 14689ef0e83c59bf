// The resource group of Contoso's status page, deployed by the platform pipeline at subscription scope.
// Contoso's platform rule pack (samples/RulePacks/Contoso.Platform.Rules) checks it along with InfraLint's own rules.

targetScope = 'subscription'

param environmentName string = 'prod'

resource statusGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-contoso-status-${environmentName}'
  location: 'eastus'
  tags: {
    environment: environmentName
    app: 'status-page'
  }
}

module statusPage 'modules/status-page.bicep' = {
  scope: statusGroup
  name: 'status-page'
  params: {
    environmentName: environmentName
  }
}
