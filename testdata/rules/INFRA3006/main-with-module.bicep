// The reporting identity gets Key Vault Secrets Officer on the reports vault through a module; the
// approval for 'id-reports-*' on resources (CHG0027777) expired. The finding is in the module.
param location string = resourceGroup().location

resource reports 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-reports-prod'
  location: location
}

module grant 'modules/grant.bicep' = {
  name: 'grant-secrets-officer'
  params: {
    principalId: reports.properties.principalId
    roleId: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  }
}
