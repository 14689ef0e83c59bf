// App Service sites: web apps, function apps and Logic Apps Standard are all Microsoft.Web/sites
// and need an identity. A deployment slot does not share its site's identity: it needs its own.

param location string = resourceGroup().location

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: 'plan-storefront'
  location: location
  sku: {
    name: 'P1v3'
  }
}

resource workflowPlan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-storefront-workflows'
  location: location
  sku: {
    name: 'WS1'
    tier: 'WorkflowStandard'
  }
}

resource sharedIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-storefront'
  location: location
}

resource storefront 'Microsoft.Web/sites@2022-09-01' = { // expect: INFRA2001@1
  name: 'app-storefront'
  location: location
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      appSettings: [
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
      ]
    }
  }
}

resource storefrontStaging 'Microsoft.Web/sites/slots@2022-09-01' = { // expect: INFRA2001@1
  parent: storefront
  name: 'staging'
  location: location
  properties: {
    serverFarmId: plan.id
  }
}

resource catalogApiStaging 'Microsoft.Web/sites/slots@2023-12-01' = {
  parent: catalogApi
  name: 'staging'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
  }
}

resource admin 'Microsoft.Web/sites@2023-12-01' = { // expect: INFRA2001
  name: 'app-storefront-admin'
  location: location
  identity: {
    type: 'None'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
  }
}

resource catalogApi 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-catalog-api'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
  }
}

resource pricingFunction 'Microsoft.Web/sites@2023-01-01' = {
  name: 'func-pricing'
  location: location
  kind: 'functionapp'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${sharedIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: 'stpricing' }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: sharedIdentity.properties.clientId }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
      ]
    }
  }
}

resource inventoryFunction 'Microsoft.Web/sites@2022-03-01' = { // expect: INFRA2001@1
  name: 'func-inventory-sync'
  location: location
  kind: 'functionapp,linux'
  properties: {
    serverFarmId: plan.id
    reserved: true
    siteConfig: {
      linuxFxVersion: 'PYTHON|3.11'
    }
  }
}

resource orderWorkflows 'Microsoft.Web/sites@2023-12-01' = { // expect: INFRA2001
  name: 'logic-storefront-orders'
  location: location
  kind: 'functionapp,workflowapp'
  properties: {
    serverFarmId: workflowPlan.id
    siteConfig: {
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'node' }
        { name: 'APP_KIND', value: 'workflowApp' }
      ]
    }
  }
}

resource returnsWorkflows 'Microsoft.Web/sites@2023-12-01' = {
  name: 'logic-storefront-returns'
  location: location
  kind: 'functionapp,workflowapp'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${sharedIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: workflowPlan.id
  }
}

// Deployed elsewhere: an existing site is never reported.
resource legacyCheckout 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-legacy-checkout'
}

output legacyCheckoutHost string = legacyCheckout.properties.defaultHostName
