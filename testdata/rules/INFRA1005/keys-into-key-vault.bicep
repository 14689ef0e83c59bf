// Keys copied into Key Vault secrets. Where the service accepts Microsoft Entra ID the secret is
// still a key; a function key or a value passed in is not the rule's business.

param location string = resourceGroup().location

@secure()
param partnerApiKey string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stordersdata'
}

resource sendRule 'Microsoft.ServiceBus/namespaces/authorizationRules@2022-10-01-preview' existing = {
  name: 'sb-orders/send'
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: 'cosmos-orders'
}

resource search 'Microsoft.Search/searchServices@2023-11-01' existing = {
  name: 'srch-orders'
}

resource func 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'func-orders'
}

var searchSecretNames = ['search-admin-key', 'search-admin-key-failover']

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-orders'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }

  resource storageSecret 'secrets' = {
    name: 'storage-connection'
    properties: {
      value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value}' // expect: INFRA1005@7
    }
  }

  resource searchSecret 'secrets' = [for name in searchSecretNames: {
    name: name
    properties: {
      value: search.listAdminKeys().primaryKey // expect: INFRA1005@7
    }
  }]

  resource partner 'secrets' = {
    name: 'partner-api-key'
    properties: {
      value: partnerApiKey
    }
  }

  resource hostKey 'secrets' = {
    name: 'func-host-key'
    properties: {
      value: listKeys('${func.id}/host/default', '2023-12-01').functionKeys.default
    }
  }
}

resource queueSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'orders-queue'
  properties: {
    contentType: 'connection string'
    value: sendRule.listKeys().primaryConnectionString // expect: INFRA1005@5
  }
}

resource cosmosSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'cosmos-connection'
  properties: {
    value: cosmos.listConnectionStrings().connectionStrings[0].connectionString // expect: INFRA1005@5
  }
}
