// The same secret and the same storage key configured in a sandbox app and a production app: a leak
// from the sandbox unlocks production. Each environment's own secret is fine.
param location string = resourceGroup().location

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-shop-shared'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stshopshared'
}

resource prodApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-shop-prod'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'PAYMENT_API_KEY', value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/payment-api-key/)' }
        { name: 'SMTP_PASSWORD', value: '@Microsoft.KeyVault(VaultName=kv-shop-shared;SecretName=smtp-password-prod)' }
      ]
    }
  }
}

resource devApp 'Microsoft.App/containerApps@2024-03-01' = { // expect: INFRA4002
  name: 'ca-shop-dev'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    configuration: {
      secrets: [
        {
          name: 'payment-api-key' // expect: INFRA1006@11
          keyVaultUrl: '${vault.properties.vaultUri}secrets/payment-api-key'
          identity: 'system'
        }
        {
          name: 'smtp-password'
          keyVaultUrl: '${vault.properties.vaultUri}secrets/smtp-password-dev'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'shop'
          image: 'mcr.microsoft.com/k8se/quickstart:latest'
          env: [
            { name: 'PAYMENT_API_KEY', secretRef: 'payment-api-key' }
          ]
        }
      ]
    }
  }
}

resource prodWorker 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-shop-prod'
  location: location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'STORAGE_KEY', value: storage.listKeys().keys[0].value } // expect: INFRA1001, INFRA1002
      ]
    }
  }
}

resource devWorker 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-shop-dev'
  location: location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'STORAGE_KEY', value: storage.listKeys().keys[0].value } // expect: INFRA1001, INFRA1002, INFRA1006@11
      ]
    }
  }
}
