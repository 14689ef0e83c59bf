// A @secure() parameter passed as a plain app setting or environment variable value is a secret at
// rest in the configuration, whatever the setting's name and whatever the parameter's default ('' is
// the placeholder for a value passed at deployment). A Key Vault reference or secretRef is not.

param location string = resourceGroup().location
param environmentId string
param planId string

@secure()
param searchAdminKey string = ''

@secure()
param partnerFeed string = ''

param optionalLabel string = ''

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-api'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
    siteConfig: {
      appSettings: [
        { name: 'SEARCH_ADMIN_KEY', value: searchAdminKey } // expect: INFRA1001
        { name: 'PARTNER_FEED', value: partnerFeed } // expect: INFRA1001
        { name: 'LABEL', value: optionalLabel }
        { name: 'SEARCH_KEY_REF', value: '@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/search)' }
      ]
    }
  }
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders-feed'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    template: {
      containers: [
        {
          name: 'feed'
          image: 'crorders.azurecr.io/feed:1.0.0'
          env: [
            { name: 'PARTNER_FEED', value: partnerFeed } // expect: INFRA1001
            { name: 'LABEL', value: optionalLabel }
          ]
        }
      ]
    }
  }
}
