// The identity's id is passed to a module that attaches it to a web app: the finding is at the
// identity's declaration here.
param location string = resourceGroup().location

resource automation 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA3007@1
  name: 'id-catalog-automation'
  location: location
}

resource importCatalog 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'import-catalog'
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
    scriptContent: 'echo imported'
  }
}

module web 'modules/web-app.bicep' = {
  name: 'catalog-web'
  params: {
    identityId: automation.id
  }
}
