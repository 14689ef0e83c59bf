// Other compute that reaches data and models with whatever credentials it is given: Azure Spring
// Apps apps, Synapse and Machine Learning workspaces, and Batch pools.

param location string = resourceGroup().location
param storageUrl string = 'https://stanalytics.dfs.core.windows.net'

@secure()
param sqlAdministratorPassword string

resource poolIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-render-pool'
  location: location
}

resource spring 'Microsoft.AppPlatform/Spring@2023-12-01' = {
  name: 'asa-orders'
  location: location
  sku: {
    name: 'S0'
    tier: 'Standard'
  }
}

resource ordersApp 'Microsoft.AppPlatform/Spring/apps@2023-12-01' = { // expect: INFRA2001@1
  parent: spring
  name: 'orders'
  properties: {
    public: false
  }
}

resource paymentsApp 'Microsoft.AppPlatform/Spring/apps@2023-12-01' = {
  parent: spring
  name: 'payments'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    public: false
  }
}

resource analytics 'Microsoft.Synapse/workspaces@2021-06-01' = { // expect: INFRA2001
  name: 'syn-analytics'
  location: location
  properties: {
    defaultDataLakeStorage: {
      accountUrl: storageUrl
      filesystem: 'workspace'
    }
    sqlAdministratorLogin: 'sqladmin'
    sqlAdministratorLoginPassword: sqlAdministratorPassword
  }
}

resource reporting 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: 'syn-reporting'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    defaultDataLakeStorage: {
      accountUrl: storageUrl
      filesystem: 'reporting'
    }
  }
}

resource mlHub 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-hub'
  location: location
  kind: 'Hub'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    friendlyName: 'AI hub'
  }
}

resource mlProject 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = { // expect: INFRA2001
  name: 'mlw-chat-project'
  location: location
  kind: 'Project'
  identity: {
    type: 'None'
  }
  properties: {
    hubResourceId: mlHub.id
  }
}

resource batch 'Microsoft.Batch/batchAccounts@2024-07-01' existing = {
  name: 'batchrender'
}

resource renderPool 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = { // expect: INFRA2001
  parent: batch
  name: 'render'
  properties: {
    vmSize: 'STANDARD_D2S_V3'
    deploymentConfiguration: {
      virtualMachineConfiguration: {
        imageReference: {
          publisher: 'canonical'
          offer: '0001-com-ubuntu-server-jammy'
          sku: '22_04-lts'
          version: 'latest'
        }
        nodeAgentSkuId: 'batch.node.ubuntu 22.04'
      }
    }
  }
}

resource encodePool 'Microsoft.Batch/batchAccounts/pools@2024-07-01' = {
  parent: batch
  name: 'encode'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${poolIdentity.id}': {}
    }
  }
  properties: {
    vmSize: 'STANDARD_D2S_V3'
    deploymentConfiguration: {
      virtualMachineConfiguration: {
        imageReference: {
          publisher: 'canonical'
          offer: '0001-com-ubuntu-server-jammy'
          sku: '22_04-lts'
          version: 'latest'
        }
        nodeAgentSkuId: 'batch.node.ubuntu 22.04'
      }
    }
  }
}
