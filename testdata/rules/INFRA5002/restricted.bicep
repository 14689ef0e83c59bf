// Not reported: production AI services with public access disabled or limited by a network rule,
// a service whose environment is unknown, values InfraLint cannot evaluate, existing services and
// an AI Foundry project (it takes its network settings from its hub). Sandbox services: sandbox-public.bicep.

param location string = resourceGroup().location
param publicAccess string

resource closed 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod-orders'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod-orders'
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
  }
}

// Public access stays on, but the ACL denies everyone outside the listed ranges and networks.
resource acl 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ais-prod-orders'
  location: location
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'ais-prod-orders'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      ipRules: [
        { value: '203.0.113.0/24' }
      ]
    }
  }
}

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-prod-orders'
  location: location
  sku: { name: 'standard' }
  properties: {
    disableLocalAuth: true
    publicNetworkAccess: 'enabled'
    networkRuleSet: {
      ipRules: [
        { value: '203.0.113.7' }
      ]
    }
  }
}

resource workspace 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'mlw-prod-orders'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: 'Orders'
    publicNetworkAccess: 'Enabled'
    ipAllowlist: [
      '203.0.113.0/24'
    ]
  }
}

resource hub 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'hub-prod-orders'
  location: location
  kind: 'Hub'
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: 'Orders hub'
    publicNetworkAccess: 'Disabled'
  }
}

resource project 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'proj-prod-orders'
  location: location
  kind: 'Project'
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: 'Orders project'
    hubResourceId: hub.id
  }
}

// 'product' and 'contest' are not 'prod' and 'test': no environment.
resource product 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-product-contest'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-product-contest'
    disableLocalAuth: true
  }
}

// Decided at deployment time: InfraLint does not guess.
resource chosen 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod-reports'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod-reports'
    disableLocalAuth: true
    publicNetworkAccess: publicAccess
  }
}

// Not deployed here.
resource shared 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod-shared'
}

output sharedEndpoint string = shared.properties.endpoint
