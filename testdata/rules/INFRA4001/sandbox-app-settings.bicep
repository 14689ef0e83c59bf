// A sandbox app whose settings point at production stores and model endpoints is reported at the
// (It also mixes sandbox and production resources in one deployment: INFRA4002.)
// setting's name; settings that stay in the sandbox are not.
param location string = resourceGroup().location

resource prodVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-prod-secrets'
  scope: resourceGroup('rg-prod-shared')
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-sbx-chat'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'KEYVAULT_URI' // expect: INFRA4001@11
          value: prodVault.properties.vaultUri
        }
        {
          name: 'OPENAI_ENDPOINT' // expect: INFRA4001@11
          value: 'https://oai-prod-chat.openai.azure.com/'
        }
        {
          name: 'SANDBOX_VAULT'
          value: 'https://kv-sbx-secrets.vault.azure.net/'
        }
        {
          name: 'CONTEST_API'
          value: 'https://contest-api.azurewebsites.net/'
        }
      ]
    }
  }
}

// Production reading production is fine.
resource prodApp 'Microsoft.Web/sites@2023-12-01' = { // expect: INFRA4002@1
  name: 'app-prod-chat'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'KEYVAULT_URI'
          value: prodVault.properties.vaultUri
        }
      ]
    }
  }
}
