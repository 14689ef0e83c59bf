// Settings written as Microsoft.Web/sites/config resources ('appsettings' and
// 'connectionstrings'), where each setting is a key of properties: top-level children with
// parent, a nested child, and a config resource of a deployment slot.

param location string = resourceGroup().location

@secure()
param openAiApiKey string

@secure()
param searchAdminKey string

@secure()
param sqlConnectionString string

param cosmosAccountName string = 'cosmos-support'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-support'
  location: location
  sku: {
    name: 'S1'
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: 'appi-support'
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: cosmosAccountName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-support'
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-support-assistant'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
  }

  // Nested child: the setting keys are still the finding's location.
  resource nestedConnectionStrings 'config' = {
    name: 'connectionstrings'
    properties: {
      SupportDb: { // expect: INFRA1001@7
        value: sqlConnectionString
        type: 'SQLAzure'
      }
      CosmosConnectionString: { // expect: INFRA1001, INFRA1002
        value: cosmos.listConnectionStrings().connectionStrings[0].connectionString
        type: 'Custom'
      }
      TicketsDb: {
        value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/tickets-db/)'
        type: 'SQLAzure'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    OPENAI_API_KEY: openAiApiKey // expect: INFRA1001@5
    SEARCH_ADMIN_KEY: searchAdminKey // expect: INFRA1001@5
    COSMOS_KEY: cosmos.listKeys().primaryMasterKey // expect: INFRA1001, INFRA1002
    Smtp__Password: 'n0t-so-s3cret' // expect: INFRA1001@5, INFRA1003
    BLOB_SAS_URL: 'https://stsupport.blob.${environment().suffixes.storage}/exports?sv=2022-11-02&sp=r&sig=REDACTED' // expect: INFRA1001
    OPENAI_ENDPOINT: 'https://oai-support.openai.azure.com/'
    OPENAI_DEPLOYMENT: 'gpt-4o'
    AZURE_CLIENT_ID: 'f0e1d2c3-b4a5-4968-8776-655443322110'
    APPINSIGHTS_INSTRUMENTATIONKEY: insights.properties.InstrumentationKey
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    WEBSITE_RUN_FROM_PACKAGE: '1'
    SEARCH_QUERY_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/search-query-key/)'
    CosmosDb__accountEndpoint: cosmos.properties.documentEndpoint
    AzureWebJobsStorage__accountName: 'stsupport'
  }
}

resource stagingSlot 'Microsoft.Web/sites/slots@2023-12-01' = {
  parent: site
  name: 'staging'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
  }
}

resource stagingAppSettings 'Microsoft.Web/sites/slots/config@2023-12-01' = {
  parent: stagingSlot
  name: 'appsettings'
  properties: {
    OPENAI_API_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/openai-api-key/)'
    SEARCH_ADMIN_KEY: searchAdminKey // expect: INFRA1001@5
    'Teams.WebhookSecret': 'staging-webhook-secret-value' // expect: INFRA1001
    // A multi-line string leaves no room for a trailing comment on the key's line.
    // expect-next-line: INFRA1001@5
    PARTNER_SFTP_CREDENTIALS: '''
{"host": "sftp.partner.example", "user": "contoso-staging", "password": "Sftp-Staging-2024"}
'''
    OPENAI_ENDPOINT: 'https://oai-support-staging.openai.azure.com/'
  }
}

// Other config children ('web', 'logs') hold no settings that INFRA1001 checks.
resource webConfig 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: site
  name: 'web'
  properties: {
    ftpsState: 'Disabled'
    minTlsVersion: '1.2'
    alwaysOn: true
  }
}
