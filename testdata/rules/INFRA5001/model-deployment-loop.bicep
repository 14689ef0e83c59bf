// Model deployments created in a loop: each item is a deployment of its own. The second item lets its
// model upgrade itself, reported where the item writes versionUpgradeOption; an item without it
// (model.?upgrade is null: the service default upgrades) is reported at the body's property. A loop over a caller's list nobody knows reports nothing.
param location string = resourceGroup().location
param callerDeployments array

var deployments = [
  {
    name: 'gpt-4o'
    version: '2024-08-06'
    upgrade: 'NoAutoUpgrade'
  }
  {
    name: 'gpt-4o-mini'
    version: '2024-07-18'
    upgrade: 'OnceNewDefaultVersionAvailable' // expect: INFRA5001@5
  }
]

var optionalUpgrade = [
  {
    name: 'text-embedding-3-large'
    version: '1'
    upgrade: 'NoAutoUpgrade'
  }
  {
    name: 'text-embedding-3-small'
    version: '1'
  }
]

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

@batchSize(1)
resource models 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for model in deployments: {
  parent: openAi
  name: model.name
  sku: { name: 'GlobalStandard', capacity: 50 }
  properties: {
    model: {
      format: 'OpenAI'
      name: model.name
      version: model.version
    }
    versionUpgradeOption: model.upgrade
  }
}]

@batchSize(1)
resource embeddings 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for model in optionalUpgrade: {
  parent: openAi
  name: model.name
  sku: { name: 'Standard', capacity: 10 }
  properties: {
    model: {
      format: 'OpenAI'
      name: model.name
      version: model.version
    }
    versionUpgradeOption: model.?upgrade // expect: INFRA5001@5
  }
  dependsOn: [ models ]
}]

@batchSize(1)
resource callerModels 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for model in callerDeployments: {
  parent: openAi
  name: model.name
  sku: { name: 'GlobalStandard', capacity: 50 }
  properties: {
    model: {
      format: 'OpenAI'
      name: model.name
      version: model.version
    }
    versionUpgradeOption: model.upgrade
  }
  dependsOn: [ embeddings ]
}]
