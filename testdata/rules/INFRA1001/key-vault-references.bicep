// No findings expected: every secret-shaped setting here is a Key Vault reference (literal,
// interpolated with the vault URI or a secret's URI, or built in a variable), a Container Apps
// secretRef, an ACI secureValue, or an identity-based setting. Existing resources are not checked.

param location string = resourceGroup().location
param vaultName string = 'kv-contoso-shared'

@secure()
param dbAdminPassword string

@secure()
param openAiApiKey string

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource openAiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'openai-api-key'
  properties: {
    value: openAiApiKey
  }
}

resource dbPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'db-admin-password'
  properties: {
    value: dbAdminPassword
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-kv-reader'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: 'plan-kvref'
  location: location
  sku: {
    name: 'B1'
  }
}

var searchKeyReference = '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/search-api-key/)'

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-kvref'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      appSettings: [
        { name: 'OPENAI_API_KEY', value: '@Microsoft.KeyVault(SecretUri=${openAiKeySecret.properties.secretUri})' }
        { name: 'DB_PASSWORD', value: '@Microsoft.KeyVault(SecretUri=${dbPasswordSecret.properties.secretUriWithVersion})' }
        { name: 'SEARCH_API_KEY', value: searchKeyReference }
        { name: 'GRAPH_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/graph-client-secret/)' }
        { name: 'STORAGE_SAS', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=storage-sas)' }
        { name: 'SLACK_BOT_TOKEN', value: '@Microsoft.KeyVault(SecretUri=https://kv-contoso-shared${environment().suffixes.keyvaultDns}/secrets/slack-bot-token/)' }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'OPENAI_ENDPOINT', value: 'https://oai-contoso.openai.azure.com/' }
      ]
      connectionStrings: [
        {
          name: 'Primary'
          connectionString: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/primary-db/)'
          type: 'SQLAzure'
        }
      ]
    }
  }
}

resource siteSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    OPENAI_API_KEY: '@Microsoft.KeyVault(SecretUri=${openAiKeySecret.properties.secretUri})'
    TRANSLATOR_KEY: '@Microsoft.KeyVault(VaultName=kv-contoso-shared;SecretName=translator-key)'
    AZURE_CLIENT_ID: identity.properties.clientId
  }
}

resource slot 'Microsoft.Web/sites/slots@2023-12-01' = {
  parent: site
  name: 'staging'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    keyVaultReferenceIdentity: identity.id
  }

  resource slotConnectionStrings 'config' = {
    name: 'connectionstrings'
    properties: {
      Primary: {
        value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/primary-db-staging/)'
        type: 'SQLAzure'
      }
    }
  }
}

// A site that exists already is not changed by this deployment, so it is never reported; the
// settings deployed onto it are checked, and hold Key Vault references only.
resource legacySite 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-legacy-portal'
}

resource legacySiteSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: legacySite
  name: 'appsettings'
  properties: {
    LEGACY_PORTAL_API_KEY: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/legacy-portal-api-key/)'
    WEBSITE_RUN_FROM_PACKAGE: '1'
  }
}

resource containerApp 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-kvref'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: resourceId('Microsoft.App/managedEnvironments', 'cae-shared')
    configuration: {
      secrets: [
        {
          name: 'openai-api-key'
          keyVaultUrl: openAiKeySecret.properties.secretUri
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: 'crcontoso.azurecr.io/kvref-api:1.0.0'
          env: [
            { name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
          ]
        }
      ]
    }
  }
}

resource containerGroup 'Microsoft.ContainerInstance/containerGroups@2023-05-01' = {
  name: 'ci-kvref'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    osType: 'Linux'
    containers: [
      {
        name: 'worker'
        properties: {
          image: 'crcontoso.azurecr.io/kvref-worker:1.0.0'
          resources: {
            requests: {
              cpu: 1
              memoryInGB: json('1.5')
            }
          }
          environmentVariables: [
            { name: 'DB_PASSWORD', secureValue: dbAdminPassword }
            { name: 'DB_HOST', value: 'psql-contoso.postgres.database.azure.com' }
          ]
        }
      }
    ]
  }
}
