// Settings reach apps in more places than siteConfig and containers: slot config resources, the
// 'web' config resource, and the init containers of container apps, jobs and container groups.

param location string = resourceGroup().location
param environmentId string

@secure()
param partnerApiKey string

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'app-partners'
}

resource staging 'Microsoft.Web/sites/slots@2023-12-01' existing = {
  parent: site
  name: 'staging'
}

resource stagingSettings 'Microsoft.Web/sites/slots/config@2023-12-01' = {
  parent: staging
  name: 'appsettings'
  properties: {
    PARTNER_API_KEY: partnerApiKey // expect: INFRA1001@5
    PARTNER_ENDPOINT: 'https://sandbox.partners.contoso.example/'
  }
}

resource stagingConnections 'Microsoft.Web/sites/slots/config@2023-12-01' = {
  parent: staging
  name: 'connectionstrings'
  properties: {
    PartnersDb: { // expect: INFRA1001@5
      value: 'Server=tcp:10.40.2.8,1433;Database=partners;User ID=partners;Password=Stg-partners-2024' // expect: INFRA1003
      type: 'SQLServer'
    }
    PartnersDbIdentity: {
      value: 'Server=tcp:sql-partners.database.windows.net,1433;Database=partners;Authentication=Active Directory Default'
      type: 'SQLAzure'
    }
  }
}

resource webConfig 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'web'
  properties: {
    appSettings: [
      { name: 'PARTNER_API_KEY', value: partnerApiKey } // expect: INFRA1001@9
      { name: 'PARTNER_ENDPOINT', value: 'https://partners.contoso.example/' }
    ]
  }
}

resource partnerSync 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-partner-sync'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    template: {
      initContainers: [
        {
          name: 'migrate'
          image: 'crcontoso.azurecr.io/partners-migrate:1.0.0'
          env: [
            { name: 'MIGRATION_DB_PASSWORD', value: 'Migr4te-partners!' } // expect: INFRA1001@15, INFRA1003
            { name: 'MIGRATION_MODE', value: 'online' }
          ]
        }
      ]
      containers: [
        {
          name: 'sync'
          image: 'crcontoso.azurecr.io/partners-sync:1.0.0'
          env: [
            { name: 'PARTNER_ENDPOINT', value: 'https://partners.contoso.example/' }
          ]
        }
      ]
    }
  }
}

resource partnerImport 'Microsoft.App/jobs@2024-03-01' = {
  name: 'job-partner-import'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      triggerType: 'Manual'
      replicaTimeout: 600
    }
    template: {
      initContainers: [
        {
          name: 'fetch'
          image: 'crcontoso.azurecr.io/partners-fetch:1.0.0'
          env: [
            { name: 'PARTNER_API_KEY', value: partnerApiKey } // expect: INFRA1001@15
          ]
        }
      ]
      containers: [
        {
          name: 'import'
          image: 'crcontoso.azurecr.io/partners-import:1.0.0'
        }
      ]
    }
  }
}

resource partnerReport 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-partner-report'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    osType: 'Linux'
    initContainers: [
      {
        name: 'prepare'
        properties: {
          image: 'crcontoso.azurecr.io/partners-prepare:1.0.0'
          environmentVariables: [
            { name: 'PARTNER_API_KEY', value: partnerApiKey } // expect: INFRA1001@15
            { name: 'PARTNER_API_KEY_SECURE', secureValue: partnerApiKey }
          ]
        }
      }
    ]
    containers: [
      {
        name: 'report'
        properties: {
          image: 'crcontoso.azurecr.io/partners-report:1.0.0'
          resources: {
            requests: {
              cpu: 1
              memoryInGB: 1
            }
          }
        }
      }
    ]
  }
}
