// One deployment that creates sandbox and production resources. Reported once, at the first
// resource whose environment differs from those before it; resources with no environment in their
// name, tags or scope do not count, and neither do `existing` resources.

param location string = resourceGroup().location

// Only read: an existing production vault does not make this a production deployment.
resource prodVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-prod-chat'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-chat-weu'
  location: location
}

resource sandboxIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-dev-chat'
  location: location
}

resource batchIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-exp-batch'
  location: location
}

resource prodIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA4002
  name: 'id-prod-chat'
  location: location
}

// Reported once per deployment: the second production resource adds nothing.
resource prodLogs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-prod-chat'
  location: location
}

output vaultUri string = prodVault.properties.vaultUri
