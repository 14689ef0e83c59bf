// Container Apps and Container Apps jobs: one of each with an identity and one of each without.

param location string = resourceGroup().location

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-media'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

resource pullIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-media-pull'
  location: location
}

resource transcoder 'Microsoft.App/containerApps@2024-03-01' = { // expect: INFRA2001@1
  name: 'ca-transcoder'
  location: location
  properties: {
    environmentId: environment.id
    configuration: {
      ingress: {
        external: false
        targetPort: 8080
      }
    }
    template: {
      containers: [
        {
          name: 'transcoder'
          image: 'crcontoso.azurecr.io/transcoder:3.2.0'
          env: [
            { name: 'MAX_PARALLEL_JOBS', value: '4' }
          ]
        }
      ]
    }
  }
}

resource gallery 'Microsoft.App/containerApps@2023-05-01' = {
  name: 'ca-gallery'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      registries: [
        {
          server: 'crcontoso.azurecr.io'
          identity: pullIdentity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'gallery'
          image: 'crcontoso.azurecr.io/gallery:1.8.0'
          env: [
            { name: 'AZURE_CLIENT_ID', value: pullIdentity.properties.clientId }
          ]
        }
      ]
    }
  }
}

resource thumbnailJob 'Microsoft.App/jobs@2024-03-01' = { // expect: INFRA2001
  name: 'job-thumbnails'
  location: location
  properties: {
    environmentId: environment.id
    configuration: {
      triggerType: 'Schedule'
      replicaTimeout: 600
      scheduleTriggerConfig: {
        cronExpression: '*/30 * * * *'
      }
    }
    template: {
      containers: [
        {
          name: 'thumbnails'
          image: 'crcontoso.azurecr.io/media-jobs:1.0.4'
        }
      ]
    }
  }
}

resource cleanupJob 'Microsoft.App/jobs@2023-05-01' = {
  name: 'job-cleanup'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environment.id
    configuration: {
      triggerType: 'Manual'
      replicaTimeout: 900
      manualTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
      }
    }
    template: {
      containers: [
        {
          name: 'cleanup'
          image: 'crcontoso.azurecr.io/media-jobs:1.0.4'
        }
      ]
    }
  }
}
