// Azure Container Instances groups: the identity sits on the group, not on its containers.

param location string = resourceGroup().location

resource runnerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-build-runner'
  location: location
}

resource buildRunner 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-build-runner'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${runnerIdentity.id}': {}
    }
  }
  properties: {
    osType: 'Linux'
    restartPolicy: 'Never'
    containers: [
      {
        name: 'runner'
        properties: {
          image: 'crcontoso.azurecr.io/build-runner:2.311.0'
          resources: {
            requests: {
              cpu: 2
              memoryInGB: 4
            }
          }
          environmentVariables: [
            { name: 'RUNNER_LABELS', value: 'aci,linux' }
            { name: 'AZURE_CLIENT_ID', value: runnerIdentity.properties.clientId }
          ]
        }
      }
    ]
  }
}

resource smokeTests 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = { // expect: INFRA2001@1
  name: 'ci-smoke-tests'
  location: location
  properties: {
    osType: 'Linux'
    restartPolicy: 'Never'
    containers: [
      {
        name: 'playwright'
        properties: {
          image: 'crcontoso.azurecr.io/smoke-tests:1.44.0'
          resources: {
            requests: {
              cpu: 1
              memoryInGB: 2
            }
          }
          environmentVariables: [
            { name: 'BASE_URL', value: 'https://app-storefront.azurewebsites.net' }
          ]
        }
      }
    ]
  }
}

resource docsPreview 'Microsoft.ContainerInstance/containerGroups@2021-10-01' = { // expect: INFRA2001
  name: 'ci-docs-preview'
  location: location
  identity: {
    type: 'None'
  }
  properties: {
    osType: 'Linux'
    ipAddress: {
      type: 'Public'
      ports: [
        {
          port: 80
          protocol: 'TCP'
        }
      ]
    }
    containers: [
      {
        name: 'nginx'
        properties: {
          image: 'crcontoso.azurecr.io/docs-preview:2024.05.1'
          ports: [
            {
              port: 80
            }
          ]
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

resource metricsExporter 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-metrics-exporter'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'exporter'
        properties: {
          image: 'crcontoso.azurecr.io/metrics-exporter:0.4.1'
          resources: {
            requests: {
              cpu: 1
              memoryInGB: json('0.5')
            }
          }
        }
      }
    ]
  }
}
