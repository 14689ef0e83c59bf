// The reporting identity is passed to a module that makes it Key Vault Crypto Officer on the production
// vault; no approval covers it. The finding is in the module, where the role is written.
param location string = resourceGroup().location

resource reports 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-reports-prod'
  location: location
}

module grant 'modules/grant.bicep' = {
  name: 'grant-crypto-officer'
  params: {
    principalId: reports.properties.principalId
    roleId: '14b46e9e-c2b7-41b4-b07b-48a6ebf60603'
    vaultName: 'kv-payments-prod'
  }
}
