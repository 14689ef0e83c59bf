// A Data Factory runs its pipelines as its identity: an identity that also runs a deployment script
// deploys and runs a workload. (Data Factory became compute for this rule when the resource kinds
// were unified in one catalogue; INFRA2001 already treated it as compute.)
param location string = resourceGroup().location

resource automation 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA3007@1
  name: 'id-etl-automation'
  location: location
}

resource pipelineOnly 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-etl-pipelines'
  location: location
}

resource seed 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'seed-etl'
  location: location
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${automation.id}': {}
    }
  }
  properties: {
    azCliVersion: '2.59.0'
    retentionInterval: 'PT1H'
    scriptContent: 'echo seeded'
  }
}

resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-etl'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${automation.id}': {}
    }
  }
}

resource otherFactory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-etl-reports'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${pipelineOnly.id}': {}
    }
  }
}
