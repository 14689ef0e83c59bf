// Pulling images with a password: the registry's admin user, Container Apps registries with
// passwordSecretRef, Container Instances imageRegistryCredentials with a password, and the
// DOCKER_REGISTRY_SERVER_PASSWORD app setting. Registries other than Azure Container Registry have
// no managed identity pull to switch to, so they are not reported.

param location string = resourceGroup().location
param environmentId string
param enableAdminUser bool = true

@secure()
param registryPassword string

@secure()
param partnerRegistryToken string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crshipping'
  location: location
  sku: { name: 'Standard' }
  properties: {
    adminUserEnabled: enableAdminUser // expect: INFRA2003@5
  }
}

resource mirror 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crshippingmirror'
  location: location
  sku: { name: 'Standard' }
  properties: {
    adminUserEnabled: false
  }
}

resource pullIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-shipping-pull'
  location: location
}

resource tracker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-shipping-tracker'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      secrets: [
        { name: 'registry-password', value: registryPassword } // expect: INFRA1004@11
        { name: 'partner-registry-token', value: partnerRegistryToken } // expect: INFRA1004@11
      ]
      registries: [
        {
          server: registry.properties.loginServer
          username: registry.name
          passwordSecretRef: 'registry-password' // expect: INFRA2003@11
        }
        {
          server: '${mirror.name}.azurecr.io'
          identity: pullIdentity.id
        }
        {
          server: 'registry.partner.example'
          username: 'contoso'
          passwordSecretRef: 'partner-registry-token'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'tracker'
          image: '${registry.properties.loginServer}/tracker:4.1.0'
        }
      ]
    }
  }
}

resource labelJob 'Microsoft.App/jobs@2024-03-01' = {
  name: 'job-shipping-labels'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      triggerType: 'Manual'
      replicaTimeout: 600
      registries: [
        {
          server: 'crshipping.azurecr.io'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'labels'
          image: 'crshipping.azurecr.io/labels:1.0.0'
        }
      ]
    }
  }
}

resource batchPrint 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-shipping-print'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    osType: 'Linux'
    imageRegistryCredentials: [
      {
        server: 'crshipping.azurecr.io'
        username: 'crshipping'
        password: registryPassword // expect: INFRA2003@9
      }
      {
        server: 'crshippingmirror.azurecr.io'
        identity: pullIdentity.id
      }
    ]
    containers: [
      {
        name: 'print'
        properties: {
          image: 'crshipping.azurecr.io/print:2.0.0'
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

resource plan 'Microsoft.Web/serverfarms@2023-12-01' existing = {
  name: 'plan-shipping'
}

resource portal 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-shipping-portal'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|crshipping.azurecr.io/portal:5.0.0'
      appSettings: [
        { name: 'DOCKER_REGISTRY_SERVER_URL', value: 'https://crshipping.azurecr.io' }
        { name: 'DOCKER_REGISTRY_SERVER_USERNAME', value: 'crshipping' }
        { name: 'DOCKER_REGISTRY_SERVER_PASSWORD', value: registryPassword } // expect: INFRA1001@11, INFRA2003@11
      ]
    }
  }
}

resource docs 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-shipping-docs'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|registry.partner.example/contoso/shipping-docs:1.0.0'
      acrUseManagedIdentityCreds: false
      appSettings: [
        { name: 'DOCKER_REGISTRY_SERVER_URL', value: 'https://registry.partner.example' }
        { name: 'DOCKER_REGISTRY_SERVER_PASSWORD', value: partnerRegistryToken } // expect: INFRA1001@11
      ]
    }
  }
}
