// Storage, Azure AI services, Service Bus, Event Hubs and Event Grid keep keys on unless told
// otherwise: an omitted flag is reported at the resource line, an insecure value at the flag.

param location string = resourceGroup().location
param allowKeysForLegacyClients bool = true
param disableLocalAuth bool

resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: INFRA2002@1
  name: stLogsName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
  }
}

param stLogsName string = 'stlogsorders'

resource uploads 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stuploadsorders'
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: allowKeysForLegacyClients // expect: INFRA2002@5
  }
}

resource archive 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'starchiveorders'
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: false
  }
}

resource shared 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stsharedorders'
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: INFRA2002
  name: 'oai-orders'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-orders'
  }
}

resource aiServices 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ais-orders'
  location: location
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'ais-orders'
    disableLocalAuth: false // expect: INFRA2002@5
  }
}

resource contentSafety 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'cs-orders'
  location: location
  kind: 'ContentSafety'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'cs-orders'
    disableLocalAuth: true
  }
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: 'sb-orders'
  location: location
  sku: { name: 'Standard' }
  properties: {
    disableLocalAuth: disableLocalAuth
  }
}

resource events 'Microsoft.EventHub/namespaces@2024-01-01' = { // expect: INFRA2002
  name: 'evh-orders'
  location: location
  sku: { name: 'Standard' }
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = { // expect: INFRA2002
  name: 'egt-orders'
  location: location
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource domain 'Microsoft.EventGrid/domains@2025-02-15' = {
  name: 'egd-orders'
  location: location
  properties: {
    disableLocalAuth: true
  }
}

// Event Grid namespaces have no disableLocalAuth flag: nothing to report.
resource eventNamespace 'Microsoft.EventGrid/namespaces@2025-02-15' = {
  name: 'egn-orders'
  location: location
  sku: { name: 'Standard', capacity: 1 }
}
