// The App Service plan of the status page.

param environmentName string = 'prod'
param location string = 'westeurope'

resource statusPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'status-page-${environmentName}'
  location: location
  tags: {
    environment: environmentName
    app: 'status-page'
  }
  sku: {
    name: 'F1'
  }
}
