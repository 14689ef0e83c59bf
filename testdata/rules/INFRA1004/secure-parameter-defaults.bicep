// A @secure() parameter is a secret whatever its default: '' is the usual placeholder for a value
// passed at deployment, so a secret whose value is such a parameter stores it in the app. A plain
// parameter defaulting to '' is a known empty value and sets nothing.

param location string = resourceGroup().location
param environmentId string

@secure()
param registryPassword string = ''

@secure()
param serviceBusConnection string = 'placeholder'

param optionalLabel string = ''

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders-worker'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      secrets: [
        {
          name: 'registry-password' // expect: INFRA1004
          value: registryPassword
        }
        {
          name: 'servicebus-connection' // expect: INFRA1004
          value: serviceBusConnection
        }
        {
          name: 'label'
          value: optionalLabel
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: 'crorders.azurecr.io/worker:1.0.0'
          env: [
            { name: 'REGISTRY_PASSWORD', secretRef: 'registry-password' }
          ]
        }
      ]
    }
  }
}
