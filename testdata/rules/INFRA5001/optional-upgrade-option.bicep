// Optional parameters nobody supplies are null: `?.`, `??`, tryGet and coalesce evaluate as the
// deployment would, so a model deployment whose upgrade option comes from an omitted parameter
// (the Azure Verified Modules shape) auto-upgrades.

type deploymentType = {
  name: string
  model: { format: string, name: string, version: string }
  versionUpgradeOption: string?
}

param versionUpgradeOption string?
param pinnedDeployment deploymentType = {
  name: 'gpt-4o-pinned'
  model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }
  versionUpgradeOption: 'NoAutoUpgrade'
}
param defaultDeployment deploymentType = {
  name: 'gpt-4o-default'
  model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-optional'
}

resource fromOmittedParameter 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: 'gpt-4o'
  sku: { name: 'Standard', capacity: 10 }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }
    versionUpgradeOption: versionUpgradeOption // expect: INFRA5001
  }
}

resource fromSafeAccess 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: defaultDeployment.name
  sku: { name: 'Standard', capacity: 10 }
  properties: {
    model: defaultDeployment.model
    versionUpgradeOption: defaultDeployment.?versionUpgradeOption // expect: INFRA5001
  }
}

resource pinned 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: pinnedDeployment.name
  sku: { name: 'Standard', capacity: 10 }
  properties: {
    model: pinnedDeployment.model
    versionUpgradeOption: pinnedDeployment.?versionUpgradeOption ?? 'OnceNewDefaultVersionAvailable'
  }
}

resource coalesced 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: 'gpt-4o-coalesced'
  sku: { name: 'Standard', capacity: 10 }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }
    versionUpgradeOption: versionUpgradeOption ?? 'OnceCurrentVersionExpired' // expect: INFRA5001
  }
}

resource chosenOnce 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: 'gpt-4o-chosen'
  sku: { name: 'Standard', capacity: 10 }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }
    versionUpgradeOption: empty(versionUpgradeOption) ? 'NoAutoUpgrade' : versionUpgradeOption
  }
}
