// Which vault the worker reads is a parameter: through worker.sandbox.bicepparam it is production's.
param vaultName string
param location string = resourceGroup().location

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-worker'
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
              name: 'VAULT_URL' // expect via worker.sandbox.bicepparam: INFRA4001@15
              value: 'https://${vaultName}.vault.azure.net/'
            }
          ]
        }
      ]
    }
  }
}
