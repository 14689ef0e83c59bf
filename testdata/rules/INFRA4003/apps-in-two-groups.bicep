// The same identity runs an app in a sandbox and in a production resource group, through one module.
// The identity is declared here, so the finding is here. The two apps also make this one deployment
// across both environments (INFRA4002, reported in the module).

param location string = resourceGroup().location
param sandboxEnvironmentId string
param productionEnvironmentId string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA4003
  name: 'id-orders-api'
  location: location
}

module sandboxApp 'modules/container-app.bicep' = {
  name: 'app-sandbox'
  scope: resourceGroup('rg-sbx-orders')
  params: {
    name: 'caorders'
    identityId: identity.id
    environmentId: sandboxEnvironmentId
    location: location
  }
}

module productionApp 'modules/container-app.bicep' = {
  name: 'app-production'
  scope: resourceGroup('rg-prd-orders')
  params: {
    name: 'caorders'
    identityId: identity.id
    environmentId: productionEnvironmentId
    location: location
  }
}
