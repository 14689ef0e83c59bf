// Keys copied out with list*() into app settings, connection strings, environment variables and
// container app secrets, directly or through a variable, under any name.

param location string = resourceGroup().location
param environmentId string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageName
}

param storageName string = 'storders'

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: 'sb-orders'

  resource sendRule 'AuthorizationRules' existing = {
    name: 'send'
  }
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: 'cosmos-orders'
}

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' existing = {
  name: 'srch-orders'
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: 'crorders'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: 'log-orders'
}

resource approvals 'Microsoft.Logic/workflows@2019-05-01' existing = {
  name: 'logic-orders-approvals'
}

var queueConnection = serviceBus::sendRule.listKeys().primaryConnectionString

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'ORDERS_STORE', value: storage.listKeys().keys[0].value } // expect: INFRA1002@11
        { name: 'ORDERS_QUEUE', value: queueConnection } // expect: INFRA1002@11
        { name: 'APPROVALS_TRIGGER', value: listCallbackUrl('${approvals.id}/triggers/manual', '2019-05-01').value } // expect: INFRA1002@11
        { name: 'ORDERS_STORE_ACCOUNT', value: storage.name }
        { name: 'ORDERS_STORE_BLOB', value: storage.properties.primaryEndpoints.blob }
        { name: 'ORDERS_QUEUE__fullyQualifiedNamespace', value: '${serviceBus.name}.servicebus.windows.net' }
      ]
      connectionStrings: [
        {
          name: 'Orders' // expect: INFRA1001@11, INFRA1002@11
          connectionString: cosmos.listConnectionStrings().connectionStrings[0].connectionString
          type: 'Custom'
        }
      ]
    }
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-orders'
  location: location
  properties: {
    // Not app configuration: the environment's own log destination.
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource indexer 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders-indexer'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      secrets: [
        {
          name: 'registry-password' // expect: INFRA1002@11, INFRA1004
          value: registry.listCredentials().passwords[0].value
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'indexer'
          image: 'crorders.azurecr.io/indexer:1.0.0'
          env: [
            { name: 'SEARCH_QUERY', value: search.listQueryKeys().value[0].key } // expect: INFRA1002@15
            { name: 'SEARCH_ENDPOINT', value: 'https://${search.name}.search.windows.net' }
          ]
        }
      ]
    }
  }
}

resource exporter 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-orders-export'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'export'
        properties: {
          image: 'crorders.azurecr.io/export:1.0.0'
          resources: {
            requests: {
              cpu: 1
              memoryInGB: 1
            }
          }
          environmentVariables: [
            // secureValue hides the value from readers of the container group, but it is still a copied key.
            { name: 'EXPORT_SEARCH', secureValue: search.listAdminKeys().primaryKey } // expect: INFRA1002@15
          ]
        }
      }
    ]
  }
}
