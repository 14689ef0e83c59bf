// Deployment slots carry their own siteConfig: a slot is checked like its site.

param location string = resourceGroup().location

@secure()
param paymentsApiKey string

@secure()
param stagingPaymentsApiKey string

resource plan 'Microsoft.Web/serverfarms@2022-03-01' = {
  name: 'plan-checkout'
  location: location
  sku: {
    name: 'P0v3'
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2022-07-01' existing = {
  name: 'kv-checkout'
}

resource paymentsKey 'Microsoft.KeyVault/vaults/secrets@2022-07-01' existing = {
  parent: keyVault
  name: 'payments-api-key'
}

resource site 'Microsoft.Web/sites@2022-03-01' = {
  name: 'app-checkout'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        {
          name: 'PAYMENTS_API_KEY'
          value: '@Microsoft.KeyVault(SecretUri=${paymentsKey.properties.secretUri})'
        }
        { name: 'PAYMENTS_ENDPOINT', value: 'https://api.payments.contoso.example/' }
      ]
    }
  }
}

resource staging 'Microsoft.Web/sites/slots@2022-03-01' = {
  parent: site
  name: 'staging'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        {
          name: 'PAYMENTS_API_KEY' // expect: INFRA1001@11
          value: stagingPaymentsApiKey
        }
        { name: 'PAYMENTS_ENDPOINT', value: 'https://sandbox.payments.contoso.example/' }
        { name: 'WEBSITE_SWAP_WARMUP_PING_PATH', value: '/health' }
      ]
      connectionStrings: [
        {
          name: 'CheckoutDb' // expect: INFRA1001@11
          connectionString: 'Server=tcp:10.30.1.5,1433;Database=checkout-staging;User ID=checkout;Password=Staging#123' // expect: INFRA1003
          type: 'SQLServer'
        }
      ]
    }
  }
}

resource canary 'Microsoft.Web/sites/slots@2023-01-01' = { // expect: INFRA2001
  parent: site
  name: 'canary'
  location: location
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'PAYMENTS_API_KEY', value: paymentsApiKey } // expect: INFRA1001
        { name: 'PAYMENTS_ENDPOINT', value: 'https://api.payments.contoso.example/' }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Canary' }
      ]
    }
  }
}
