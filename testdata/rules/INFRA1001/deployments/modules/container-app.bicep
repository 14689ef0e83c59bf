// A container app whose environment variables come from the caller.
param location string
param env array = []

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-web'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    template: {
      containers: [
        {
          name: 'web'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: env
        }
      ]
    }
  }
}
