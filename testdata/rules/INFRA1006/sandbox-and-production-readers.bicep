// A production vault whose secrets a sandbox identity can also read, through a custom role with the
// secret read data action on one secret. A custom role without it does not count.
param location string = resourceGroup().location

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-payments-prod'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
  }

  resource stripeKey 'secrets' = {
    name: 'stripe-key'
    properties: {
      value: 'placeholder'
    }
  }
}

resource prodIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-prod'
  location: location
}

resource devIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA4002
  name: 'id-payments-dev'
  location: location
}

resource secretReader 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'payments-secret-reader')
  properties: {
    roleName: 'Payments secret reader'
    assignableScopes: [resourceGroup().id]
    permissions: [
      {
        actions: []
        dataActions: ['Microsoft.KeyVault/vaults/secrets/*']
      }
    ]
  }
}

resource metadataReader 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'payments-secret-metadata')
  properties: {
    roleName: 'Payments secret metadata reader'
    assignableScopes: [resourceGroup().id]
    permissions: [
      {
        actions: []
        dataActions: ['Microsoft.KeyVault/vaults/secrets/*']
        notDataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action']
      }
    ]
  }
}

resource prodReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, prodIdentity.id, 'secrets-user')
  scope: vault
  properties: {
    principalId: prodIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

// Sees the secret's metadata only: not a reader, although it is a sandbox identity on a production vault.
resource auditIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-payments-audit-dev'
  location: location
}

resource auditMetadata 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, auditIdentity.id, 'metadata')
  scope: vault // expect: INFRA4001
  properties: {
    principalId: auditIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: metadataReader.id
  }
}

resource devReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA1006@1
  name: guid(vault::stripeKey.id, devIdentity.id, 'reads')
  scope: vault::stripeKey // expect: INFRA4001
  properties: {
    principalId: devIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: secretReader.id
  }
}
