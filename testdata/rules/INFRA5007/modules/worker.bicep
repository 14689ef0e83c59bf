// A production worker; alone, its model endpoint is only a parameter.
param location string
param modelEndpoint string

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-batch-worker-prod'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    template: {
      containers: [
        {
          name: 'worker'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            {
              name: 'OPENAI_ENDPOINT' // expect via main-with-module.bicep: INFRA5007@15
              value: modelEndpoint
            }
          ]
        }
      ]
    }
  }
}
