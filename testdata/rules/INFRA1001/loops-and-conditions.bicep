// Resources repeated with [for ...] and guarded with if (...): each is checked once per
// declaration, and a finding inside a loop body is reported once, at its line in the body.

param location string = resourceGroup().location
param enableDiagnosticsSite bool

@secure()
param diagnosticsAdminPassword string

@secure()
param sharedQueueConnectionString string

@secure()
param tenantsDbConnectionString string

var tenants = [
  {
    name: 'fabrikam'
    plan: 'P1v3'
    partnerApiKey: 'fab-7f3a9c2e41d84b6e' // expect: INFRA1003
  }
  {
    name: 'northwind'
    plan: 'P0v3'
    partnerApiKey: 'nw-0b5d8e1f6a2c4d93' // expect: INFRA1003
  }
]

var workers = [
  'thumbnails'
  'transcripts'
]

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-tenants'
}

resource plans 'Microsoft.Web/serverfarms@2023-12-01' = [for tenant in tenants: {
  name: 'plan-${tenant.name}'
  location: location
  sku: {
    name: tenant.plan
  }
}]

resource tenantSites 'Microsoft.Web/sites@2023-12-01' = [for (tenant, i) in tenants: {
  name: 'app-${tenant.name}'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plans[i].id
    siteConfig: {
      appSettings: [
        { name: 'TENANT_NAME', value: tenant.name }
        { name: 'PARTNER_API_KEY', value: tenant.partnerApiKey } // expect: INFRA1001@11
        {
          name: 'PARTNER_WEBHOOK_SECRET'
          value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${tenant.name}-webhook-secret/)'
        }
      ]
    }
  }
}]

resource diagnosticsSite 'Microsoft.Web/sites@2022-09-01' = if (enableDiagnosticsSite) {
  name: 'app-tenant-diagnostics'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plans[0].id
    siteConfig: {
      appSettings: [
        { name: 'DIAGNOSTICS_ADMIN_PASSWORD', value: diagnosticsAdminPassword } // expect: INFRA1001
        { name: 'DIAGNOSTICS_MODE', value: 'readonly' }
      ]
    }
  }
}

resource diagnosticsSettings 'Microsoft.Web/sites/config@2022-09-01' = if (enableDiagnosticsSite) {
  parent: diagnosticsSite
  name: 'connectionstrings'
  properties: {
    TenantsDb: { // expect: INFRA1001@5
      value: tenantsDbConnectionString
      type: 'Custom'
    }
  }
}

resource workerApps 'Microsoft.App/containerApps@2023-05-01' = [for worker in workers: {
  name: 'ca-${worker}'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: resourceId('Microsoft.App/managedEnvironments', 'cae-tenants')
    template: {
      containers: [
        {
          name: worker
          image: 'crcontoso.azurecr.io/${worker}:2.3.0'
          env: [
            { name: 'WORKER_KIND', value: worker }
            {
              name: 'QUEUE_CONNECTION_STRING' // expect: INFRA1001@15
              value: sharedQueueConnectionString
            }
            { name: 'Queue__queueServiceUri', value: 'https://sttenants.queue.${environment().suffixes.storage}' }
          ]
        }
      ]
    }
  }
}]
