// A subscription deployment that deploys the same workload to a sandbox and to a production
// resource group: one deployment, both environments. The finding points at the first production
// resource, in the module (see modules/workload.bicep).
targetScope = 'subscription'

module sandbox 'modules/workload.bicep' = {
  name: 'workload-sandbox'
  scope: resourceGroup('rg-dev-chat')
  params: {
    name: 'idchatweb'
  }
}

module production 'modules/workload.bicep' = {
  name: 'workload-production'
  scope: resourceGroup('rg-prod-chat')
  params: {
    name: 'idchatweb'
  }
}
