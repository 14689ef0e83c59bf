// Deployed per environment: each resource group gets its own deployment, so nothing is mixed.
targetScope = 'subscription'

param environmentName string = 'prod'

module workload 'modules/workload.bicep' = {
  name: 'workload-${environmentName}'
  scope: resourceGroup('rg-${environmentName}-chat')
  params: {
    name: 'idchatweb'
  }
}
