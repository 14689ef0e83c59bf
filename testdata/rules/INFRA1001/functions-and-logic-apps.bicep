// Functions and Logic Apps (Standard) keep their host storage in AzureWebJobsStorage and
// WEBSITE_CONTENTAZUREFILECONNECTIONSTRING. Those names do not say "secret", but the classic
// value is a connection string with the account key. Identity-based connections, the storage
// emulator and connection strings without a key part hold no secret.

param location string = resourceGroup().location

@description('Host storage connection string, supplied by the release pipeline.')
@secure()
param hostStorageConnection string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stworkflowsorders'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' existing = {
  name: 'plan-workflows'
}

var contentConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value}'

resource orderWorkflows 'Microsoft.Web/sites@2023-12-01' = {
  name: 'logic-orders'
  location: location
  kind: 'functionapp,workflowapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage', value: hostStorageConnection } // expect: INFRA1001@11
        { name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', value: contentConnection } // expect: INFRA1001@11, INFRA1002
        { name: 'WEBSITE_CONTENTSHARE', value: 'logic-orders' }
        { name: 'APP_KIND', value: 'workflowApp' }
        { name: 'AzureFunctionsJobHost__extensionBundle__id', value: 'Microsoft.Azure.Functions.ExtensionBundle.Workflows' }
        { name: 'ORDERS_QUEUE_CONNECTION', value: 'Endpoint=sb://sb-orders.servicebus.windows.net/;Authentication=Managed Identity' }
        { name: 'ARCHIVE_CONNECTION_STRING', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage}' }
        { name: 'SQL_CONNECTION_STRING', value: 'Server=tcp:sql-orders.database.windows.net,1433;Database=orders;Authentication=Active Directory Managed Identity' }
      ]
    }
  }
}

resource localDevFunction 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders-devbox'
  location: location
  kind: 'functionapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'AzureWebJobsStorage', value: 'UseDevelopmentStorage=true' }
        { name: 'AzureWebJobsDashboard', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[1].value}' } // expect: INFRA1001@11, INFRA1002
        { name: 'DOCS_BASE_URL', value: 'https://docs.contoso.example/orders?lang=en' }
      ]
    }
  }
}

// Values that look like credentials are secrets whatever the setting is called.
resource integrations 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-integrations'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'OPENAI', value: 'sk-proj-u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAj' } // expect: INFRA1001@11, INFRA1003
        { name: 'RELEASE_NOTES_FEED', value: 'https://github.com/contoso/orders/releases.atom' }
        {
          name: 'EXPORT_TARGET' // expect: INFRA1001@11
          value: 'https://stexports.blob.core.windows.net/orders?sv=2022-11-02&ss=b&srt=co&sp=rwl&se=2027-01-01T00:00:00Z&sig=Xk2fP9qL0vR7sT1uW3yZ5aB8cD0eF2gH4iJ6kL8mN0o%3D' // expect: INFRA1003
        }
        { name: 'EXPORT_CONTAINER_URL', value: 'https://stexports.blob.core.windows.net/orders' }
      ]
    }
  }
}
