// App Service web app with settings in the array form of siteConfig.appSettings and
// siteConfig.connectionStrings: secrets from parameters, literals, listKeys() and
// interpolation beside settings that are harmless, identity-based or Key Vault references.

param location string = resourceGroup().location
param appName string = 'app-orders-web'

@secure()
param openAiApiKey string

@secure()
param jwtSigningSecret string

@secure()
param ordersDbConnectionString string

// Carried over from the 2019 template; still set on every deployment.
var legacyAdminPwd = 'Summer2019!' // expect: INFRA1003

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: 'plan-orders'
  location: location
  sku: {
    name: 'P1v3'
    tier: 'PremiumV3'
  }
  kind: 'linux'
  properties: {
    reserved: true
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-orders'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
  }
}

resource cache 'Microsoft.Cache/redis@2023-08-01' = {
  name: 'redis-orders'
  location: location
  properties: {
    sku: {
      name: 'Standard'
      family: 'C'
      capacity: 1
    }
  }
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = { // expect: INFRA2002
  name: 'sb-orders'
  location: location
  sku: {
    name: 'Standard'
  }
}

resource serviceBusRootKey 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2022-10-01-preview' existing = {
  parent: serviceBus
  name: 'RootManageSharedAccessKey'
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'
}

resource web 'Microsoft.Web/sites@2022-09-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|8.0'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'OPENAI_API_KEY', value: openAiApiKey } // expect: INFRA1001@11
        { name: 'OPENAI_ENDPOINT', value: 'https://oai-orders.openai.azure.com/' }
        {
          name: 'JWT_SIGNING_SECRET' // expect: INFRA1001@11
          value: jwtSigningSecret
        }
        {
          name: 'Redis__Password' // expect: INFRA1001, INFRA1002
          value: cache.listKeys().primaryKey
        }
        {
          name: 'SERVICEBUS_CONNSTR' // expect: INFRA1001, INFRA1002
          value: serviceBusRootKey.listKeys().primaryConnectionString
        }
        {
          name: 'PAYMENTS_WEBHOOK_TOKEN' // expect: INFRA1001@11
          value: 'whsec_3kT9pQ2vX8mN4rL7' // expect: INFRA1003
        }
        { name: 'ADMIN_PWD', value: legacyAdminPwd } // expect: INFRA1001
        { name: 'storage-sas', value: '?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01&sig=REDACTED' } // expect: INFRA1001@11
        { name: 'StorageAccessKey', value: 'c2VjcmV0LWtleS12YWx1ZQ==' } // expect: INFRA1001, INFRA1003
        {
          // Not a secret-shaped name, but the literal carries an account key.
          name: 'LEGACY_BLOB_STORE' // expect: INFRA1001@11
          value: 'DefaultEndpointsProtocol=https;AccountName=stlegacyorders;AccountKey=bm90LWEtcmVhbC1rZXk='
        }
        {
          name: 'MAPS_SUBSCRIPTION_KEY' // expect: INFRA1001
          value: 'maps-${uniqueString(resourceGroup().id)}'
        }
        { name: 'APPINSIGHTS_INSTRUMENTATIONKEY', value: insights.properties.InstrumentationKey }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'AZURE_CLIENT_ID', value: 'b1c9a3d2-7e4f-4a8b-9c0d-1e2f3a4b5c6d' }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'FEATURE_SASKATOON_PILOT', value: 'true' }
        { name: 'REDIS_HOST', value: cache.properties.hostName }
        {
          name: 'STRIPE_API_KEY'
          value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/stripe-api-key/)'
        }
        { name: 'SendGrid__ApiKey', value: '@Microsoft.KeyVault(VaultName=kv-orders;SecretName=sendgrid-api-key)' }
        { name: 'ServiceBus__fullyQualifiedNamespace', value: '${serviceBus.name}.servicebus.windows.net' }
      ]
      connectionStrings: [
        {
          name: 'OrdersDb' // expect: INFRA1001@11
          connectionString: ordersDbConnectionString
          type: 'SQLAzure'
        }
        {
          name: 'ReportingDb' // expect: INFRA1001
          connectionString: 'Server=tcp:10.20.0.4,1433;Database=reporting;User ID=reporter;Password=Winter2024!;Encrypt=true' // expect: INFRA1003
          type: 'SQLAzure'
        }
        {
          name: 'CatalogDb'
          connectionString: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/catalog-db/)'
          type: 'SQLAzure'
        }
      ]
    }
  }
}
