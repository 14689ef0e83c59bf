// Function apps and their host storage: the classic AzureWebJobsStorage connection string with
// an account key, beside the identity-based form (AzureWebJobsStorage__accountName and friends).

param location string = resourceGroup().location

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: INFRA2002
  name: 'stfuncinvoices'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-invoices'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-invoices'
  location: location
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
}

resource functionIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-func-invoices'
  location: location
}

// The legacy function app: keys copied into its settings.
resource legacyFunction 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-invoices-legacy'
  location: location
  kind: 'functionapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      appSettings: [
        {
          // The name is harmless; the interpolated value carries the account key.
          name: 'AzureWebJobsStorage' // expect: INFRA1001@11, INFRA1002
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING' // expect: INFRA1001@11, INFRA1002
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        { name: 'WEBSITE_CONTENTSHARE', value: 'func-invoices-legacy' }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
        { name: 'APPINSIGHTS_INSTRUMENTATIONKEY', value: insights.properties.InstrumentationKey }
        { name: 'InvoiceArchive__StorageKey', value: storage.listKeys().keys[1].value } // expect: INFRA1001, INFRA1002
      ]
    }
  }
}

// The current function app: identity-based connections, nothing secret in its settings.
resource function 'Microsoft.Web/sites@2023-01-01' = {
  name: 'func-invoices'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${functionIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|8.0'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: functionIdentity.properties.clientId }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'InvoiceEvents__fullyQualifiedNamespace', value: 'sb-invoices.servicebus.windows.net' }
        { name: 'InvoiceEvents__credential', value: 'managedidentity' }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${functionIdentity.properties.clientId};Authorization=AAD' }
      ]
    }
  }
}

// A compact one-line declaration: both findings fall on the same line.
resource smokeTestFunction 'Microsoft.Web/sites@2023-12-01' = { name: 'func-invoices-smoke', location: location, kind: 'functionapp', properties: { serverFarmId: plan.id, siteConfig: { appSettings: [{ name: 'SMOKE_TEST_API_KEY', value: 'smoke-test-key-0001' }] } } } // expect: INFRA1001@202, INFRA2001@1, INFRA1003
