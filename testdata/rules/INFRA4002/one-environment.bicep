// Not mixed: every resource with an environment is production. Environment names match only as
// whole name segments, so 'contest', 'devops', 'product', 'latest' and 'pre-prod' name no environment.

param location string = resourceGroup().location

resource api 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-prod-orders-api'
  location: location
}

resource contest 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-contest-entries'
  location: location
}

resource tools 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'devops-tools'
  location: location
}

resource product 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'product-api'
  location: location
}

resource latest 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-latest-build'
  location: location
}

resource preprod 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-pre-prod-orders'
  location: location
}

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-worker-prod'
  location: location
}

// Existing resources are read, not deployed: a sandbox vault used here does not make this deployment mixed.
resource sandboxVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-dev-orders'
}

output sandboxVaultUri string = sandboxVault.properties.vaultUri
