// Whether the job reuses the script's identity is a parameter: batch.shared.bicepparam turns it on.
param shareIdentity bool = false
param location string = resourceGroup().location

resource scriptIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect via batch.shared.bicepparam: INFRA3007@1
  name: 'id-batch-deploy'
  location: location
}

resource jobIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-batch-job'
  location: location
}

resource prepare 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'prepare-batch'
  location: location
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${scriptIdentity.id}': {}
    }
  }
  properties: {
    azCliVersion: '2.59.0'
    retentionInterval: 'PT1H'
    scriptContent: 'echo prepared'
  }
}

resource job 'Microsoft.App/jobs@2024-03-01' = {
  name: 'job-batch'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${shareIdentity ? scriptIdentity.id : jobIdentity.id}': {}
    }
  }
  properties: {
    configuration: {
      triggerType: 'Manual'
      replicaTimeout: 600
    }
    template: {
      containers: [
        { name: 'batch', image: 'mcr.microsoft.com/k8se/quickstart-jobs:latest' }
      ]
    }
  }
}
