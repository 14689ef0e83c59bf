// Production AI services reachable from the internet: public network access enabled, or left out
// where the service's default is Enabled, with no network rule that limits who gets in.

param location string = resourceGroup().location

// publicNetworkAccess left out: Cognitive Services accounts default to Enabled.
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: INFRA5002
  name: 'oai-prod-chat'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod-chat'
    disableLocalAuth: true
  }
}

// A network ACL whose default action is Allow restricts nothing, whatever its IP rules say.
resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'spch-prod-chat'
  location: location
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'spch-prod-chat'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled' // expect: INFRA5002
    networkAcls: {
      defaultAction: 'Allow'
      ipRules: [
        { value: '203.0.113.0/24' }
      ]
    }
  }
}

// Production by its tag; AI Search writes the value in lower case.
resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-chat-weu'
  location: location
  tags: { environment: 'prod' }
  sku: { name: 'standard' }
  properties: {
    disableLocalAuth: true
    publicNetworkAccess: 'enabled' // expect: INFRA5002
    networkRuleSet: {
      ipRules: []
    }
  }
}

// Machine Learning workspaces (and AI Foundry hubs) default to Enabled too.
resource hub 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = { // expect: INFRA5002
  name: 'hub-prod-chat'
  location: location
  kind: 'Hub'
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: 'Chat hub'
  }
}

resource workspace 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = { // expect: INFRA5002
  name: 'mlw-prd-scoring'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: 'Scoring'
  }
}
