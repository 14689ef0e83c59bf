// Azure OpenAI / AI Services model deployments: without versionUpgradeOption the model upgrades
// itself (OnceNewDefaultVersionAvailable); OnceCurrentVersionExpired upgrades too. A deployment is
// pinned only with model.version and NoAutoUpgrade.

param location string = resourceGroup().location
param embeddingModel object
param upgradeOption string = 'OnceCurrentVersionExpired'
param pinnedOption string

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-support'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-support'
    disableLocalAuth: true
  }
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = { // expect: INFRA5001@1
  parent: openAi
  name: 'gpt-4o'
  sku: { name: 'GlobalStandard', capacity: 50 }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o'
      version: '2024-08-06'
    }
  }
}

resource summarize 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: 'gpt-4o-mini'
  sku: { name: 'GlobalStandard', capacity: 50 }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o-mini'
      version: '2024-07-18'
    }
    versionUpgradeOption: 'OnceNewDefaultVersionAvailable' // expect: INFRA5001@5
  }
  dependsOn: [ chat ]
}

resource classify 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: 'gpt-35-turbo'
  sku: { name: 'Standard', capacity: 20 }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-35-turbo'
      version: '0125'
    }
    versionUpgradeOption: upgradeOption // expect: INFRA5001@5
  }
  dependsOn: [ summarize ]
}

resource latest 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = { // expect: INFRA5001@1
  parent: openAi
  name: 'o4-mini'
  sku: { name: 'GlobalStandard', capacity: 10 }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'o4-mini'
    }
    versionUpgradeOption: 'NoAutoUpgrade'
  }
  dependsOn: [ classify ]
}

resource pinned 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: 'gpt-4.1'
  sku: { name: 'GlobalStandard', capacity: 50 }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4.1'
      version: '2025-04-14'
    }
    versionUpgradeOption: 'NoAutoUpgrade'
  }
  dependsOn: [ latest ]
}

// The model and the option come from the caller: unknown here, so not reported.
resource embeddings 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: 'embeddings'
  sku: { name: 'Standard', capacity: 120 }
  properties: {
    model: embeddingModel
    versionUpgradeOption: pinnedOption
  }
  dependsOn: [ pinned ]
}
