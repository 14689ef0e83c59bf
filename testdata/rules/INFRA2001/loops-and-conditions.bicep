// Loops, conditions and identities chosen by expressions. A loop is reported once, at its
// resource line; an identity InfraLint cannot evaluate is not guessed at, but a parameter's
// default value is known.

param location string = resourceGroup().location
param regions array = [
  'westeurope'
  'northeurope'
]
param deployReplayWorker bool
param enableWorkerIdentity bool
param apiIdentityType string
param batchIdentityType string = 'None'
param environmentName string

var portalIdentityType = environmentName == 'prod' ? 'SystemAssigned' : 'None'

resource plans 'Microsoft.Web/serverfarms@2023-12-01' = [for region in regions: {
  name: 'plan-status-${region}'
  location: region
  sku: {
    name: 'P0v3'
  }
}]

resource statusPages 'Microsoft.Web/sites@2023-12-01' = [for (region, i) in regions: { // expect: INFRA2001@1
  name: 'app-status-${region}'
  location: region
  properties: {
    serverFarmId: plans[i].id
    httpsOnly: true
  }
}]

resource statusApis 'Microsoft.Web/sites@2023-12-01' = [for (region, i) in regions: {
  name: 'app-status-api-${region}'
  location: region
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plans[i].id
    httpsOnly: true
  }
}]

resource replayWorker 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = if (deployReplayWorker) { // expect: INFRA2001
  name: 'ci-event-replay'
  location: location
  properties: {
    osType: 'Linux'
    restartPolicy: 'OnFailure'
    containers: [
      {
        name: 'replay'
        properties: {
          image: 'crcontoso.azurecr.io/event-replay:1.0.3'
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

resource auditWorker 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = if (deployReplayWorker) {
  name: 'ci-event-audit'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'audit'
        properties: {
          image: 'crcontoso.azurecr.io/event-audit:1.0.3'
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

// Unknown at analysis time: the identity may or may not be there, so nothing is reported.
resource optionalIdentityWorker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-notifications'
  location: location
  identity: enableWorkerIdentity ? { type: 'SystemAssigned' } : null
  properties: {
    environmentId: resourceId('Microsoft.App/managedEnvironments', 'cae-status')
    template: {
      containers: [
        {
          name: 'notifications'
          image: 'crcontoso.azurecr.io/notifications:2.2.0'
        }
      ]
    }
  }
}

resource api 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-status-admin-api'
  location: location
  identity: {
    type: apiIdentityType
  }
  properties: {
    serverFarmId: plans[0].id
  }
}

resource portal 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-status-portal'
  location: location
  identity: {
    type: portalIdentityType
  }
  properties: {
    serverFarmId: plans[0].id
  }
}

// A parameter's default is a known value: 'None' unless the deployment overrides it.
resource batch 'Microsoft.App/jobs@2024-03-01' = { // expect: INFRA2001@1
  name: 'job-status-rollup'
  location: location
  identity: {
    type: batchIdentityType
  }
  properties: {
    environmentId: resourceId('Microsoft.App/managedEnvironments', 'cae-status')
    configuration: {
      triggerType: 'Schedule'
      replicaTimeout: 300
      scheduleTriggerConfig: {
        cronExpression: '0 * * * *'
      }
    }
    template: {
      containers: [
        {
          name: 'rollup'
          image: 'crcontoso.azurecr.io/status-rollup:1.0.0'
        }
      ]
    }
  }
}
