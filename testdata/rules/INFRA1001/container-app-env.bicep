// Container Apps environment variables: secretRef entries point at the app's secrets (here Key
// Vault references), value entries are plain text in the app's template and revision history.

param location string = resourceGroup().location
param image string = 'crcontoso.azurecr.io/chat-api:1.4.2'

@secure()
param searchAdminKey string

@secure()
param redisPassword string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-chat-api'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'log-chat'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource openAi 'Microsoft.CognitiveServices/accounts@2023-05-01' existing = {
  name: 'oai-chat'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' existing = {
  name: 'stchatdocs'
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-chat'
}

resource managedEnvironment 'Microsoft.App/managedEnvironments@2023-05-01' = {
  name: 'cae-chat'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource chatApi 'Microsoft.App/containerApps@2023-05-01' = {
  name: 'ca-chat-api'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: managedEnvironment.id
    configuration: {
      ingress: {
        external: true
        targetPort: 8080
      }
      secrets: [
        {
          name: 'openai-api-key'
          keyVaultUrl: '${keyVault.properties.vaultUri}secrets/openai-api-key'
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'chat-api'
          image: image
          env: [
            { name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' }
            { name: 'OPENAI_ENDPOINT', value: openAi.properties.endpoint }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
            { name: 'SEARCH_ADMIN_KEY', value: searchAdminKey } // expect: INFRA1001@15
            {
              name: 'REDIS_PASSWORD' // expect: INFRA1001@15
              value: redisPassword
            }
            {
              name: 'OPENAI_API_KEY_FALLBACK' // expect: INFRA1001, INFRA1002
              value: openAi.listKeys().key1
            }
            {
              name: 'BLOB_CONNECTION_STRING' // expect: INFRA1001, INFRA1002
              value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value}'
            }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/' }
            { name: 'ASPNETCORE_URLS', value: 'http://+:8080' }
          ]
        }
        {
          name: 'telemetry-sidecar'
          image: 'crcontoso.azurecr.io/otel-collector:0.98.0'
          env: [
            { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://localhost:4317' }
            { name: 'OTEL_EXPORTER_API_TOKEN', value: 'otel-static-token-123' } // expect: INFRA1001@15, INFRA1003
          ]
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 5
      }
    }
  }
}

resource indexer 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-doc-indexer'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    managedEnvironmentId: managedEnvironment.id
    configuration: {
      secrets: [
        {
          name: 'search-admin-key'
          keyVaultUrl: '${keyVault.properties.vaultUri}secrets/search-admin-key'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'indexer'
          image: 'crcontoso.azurecr.io/doc-indexer:2.0.1'
          env: [
            { name: 'SEARCH_ADMIN_KEY', secretRef: 'search-admin-key' }
            { name: 'SEARCH_ENDPOINT', value: 'https://srch-chat.search.windows.net' }
            { name: 'STORAGE__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
            { name: 'STORAGE__credential', value: 'managedidentity' }
          ]
        }
      ]
    }
  }
}
