// Cosmos DB for NoSQL, App Configuration, AI Search, SignalR and Web PubSub keep keys on by default.
// Cosmos DB APIs without Entra data-plane auth are not reported. Redis and Container Registry are
// reported only where the template turns Entra off or key/anonymous access on explicitly.

param location string = resourceGroup().location

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = { // expect: INFRA2002
  name: 'cosmos-orders'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: location } ]
  }
}

resource cosmosMongo 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos-orders-mongo'
  location: location
  kind: 'MongoDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: location } ]
  }
}

resource cosmosCassandra 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos-orders-cassandra'
  location: location
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: location } ]
    capabilities: [ { name: 'EnableCassandra' } ]
  }
}

resource settings 'Microsoft.AppConfiguration/configurationStores@2024-05-01' = { // expect: INFRA2002
  name: 'appcs-orders'
  location: location
  sku: { name: 'standard' }
}

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-orders'
  location: location
  sku: { name: 'standard' }
  properties: {
    authOptions: { // expect: INFRA2002@5
      aadOrApiKey: {
        aadAuthFailureMode: 'http401WithBearerChallenge'
      }
    }
  }
}

resource searchEntraOnly 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-orders-entra'
  location: location
  sku: { name: 'standard' }
  properties: {
    disableLocalAuth: true
  }
}

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' = { // expect: INFRA2002
  name: 'sigr-orders'
  location: location
  sku: { name: 'Standard_S1', capacity: 1 }
}

resource pubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: 'wps-orders'
  location: location
  sku: { name: 'Standard_S1', capacity: 1 }
  properties: {
    disableLocalAuth: true
  }
}

resource cache 'Microsoft.Cache/redis@2024-11-01' = {
  name: 'redis-orders'
  location: location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
    disableAccessKeyAuthentication: false // expect: INFRA2002@5
    redisConfiguration: {
      'aad-enabled': 'false' // expect: INFRA2002@7
    }
  }
}

resource sessionCache 'Microsoft.Cache/redis@2024-11-01' = {
  name: 'redis-orders-sessions'
  location: location
  properties: {
    sku: { name: 'Standard', family: 'C', capacity: 1 }
  }
}

resource managedRedis 'Microsoft.Cache/redisEnterprise@2025-04-01' = {
  name: 'amr-orders'
  location: location
  sku: { name: 'Balanced_B0' }
}

resource managedRedisDb 'Microsoft.Cache/redisEnterprise/databases@2025-04-01' = {
  parent: managedRedis
  name: 'default'
  properties: {
    accessKeysAuthentication: 'Enabled' // expect: INFRA2002@5
  }
}

resource publicImages 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crorderspublic'
  location: location
  sku: { name: 'Standard' }
  properties: {
    anonymousPullEnabled: true // expect: INFRA2002@5
  }
}

resource images 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crorders'
  location: location
  sku: { name: 'Premium' }
  properties: {
    anonymousPullEnabled: false
  }
}
