// One identity for the deployment script and the running app: reported at the identity. Separate
// identities are not.
param location string = resourceGroup().location

resource shared 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA3007@1
  name: 'id-orders-shared'
  location: location
}

resource seed 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'seed-orders-db'
  location: location
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${shared.id}': {}
    }
  }
  properties: {
    azCliVersion: '2.59.0'
    retentionInterval: 'PT1H'
    scriptContent: 'echo seeded'
  }
}

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders-api'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${shared.id}': {}
    }
  }
  properties: {
    template: {
      containers: [
        { name: 'api', image: 'mcr.microsoft.com/k8se/quickstart:latest' }
      ]
    }
  }
}

// The fix: the script has an identity of its own, the app another.
resource scriptIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-billing-deploy'
  location: location
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-billing-api'
  location: location
}

resource migrate 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'migrate-billing-db'
  location: location
  kind: 'AzurePowerShell'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${scriptIdentity.id}': {}
    }
  }
  properties: {
    azPowerShellVersion: '11.0'
    retentionInterval: 'PT1H'
    scriptContent: 'Write-Output migrated'
  }
}

resource billing 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-billing'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
}
