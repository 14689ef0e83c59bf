// Azure Container Instances: environmentVariables with secureValue are hidden from the
// resource's properties; value entries are returned to anyone who can read the container group.

param location string = resourceGroup().location

@secure()
param openAiApiKey string

@secure()
param registryPassword string

@secure()
param postgresPassword string

@secure()
param proxyCredentials string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-batch-summarizer'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stsummaries'
}

resource summarizer 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-batch-summarizer'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    osType: 'Linux'
    restartPolicy: 'OnFailure'
    imageRegistryCredentials: [
      {
        server: 'crcontoso.azurecr.io'
        username: 'crcontoso'
        password: registryPassword // expect: INFRA2003
      }
    ]
    containers: [
      {
        name: 'summarizer'
        properties: {
          image: 'crcontoso.azurecr.io/summarizer:0.9.4'
          resources: {
            requests: {
              cpu: 1
              memoryInGB: 2
            }
          }
          environmentVariables: [
            { name: 'OPENAI_API_KEY', secureValue: openAiApiKey }
            { name: 'OPENAI_ENDPOINT', value: 'https://oai-summaries.openai.azure.com/' }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
            { name: 'OUTPUT_CONTAINER', value: 'summaries' }
            {
              name: 'STORAGE_ACCOUNT_KEY' // expect: INFRA1001@15, INFRA1002
              value: storage.listKeys().keys[0].value
            }
            { name: 'POSTGRES_PASSWORD', value: postgresPassword } // expect: INFRA1001@15
            { name: 'Storage__accountName', value: storage.name }
            { name: 'Storage__credential', value: 'managedidentity' }
          ]
        }
      }
      {
        name: 'log-shipper'
        properties: {
          image: 'crcontoso.azurecr.io/fluent-bit:3.0'
          resources: {
            requests: {
              cpu: json('0.25')
              memoryInGB: json('0.5')
            }
          }
          environmentVariables: [
            { name: 'LOG_ANALYTICS_WORKSPACE_ID', value: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c' }
            { name: 'LOG_ANALYTICS_SHARED_KEY', value: 'bG9nLWFuYWx5dGljcy1rZXk=' } // expect: INFRA1001, INFRA1003
            { name: 'HTTP_PROXY_CREDENTIALS', secureValue: proxyCredentials }
          ]
        }
      }
    ]
  }
}
