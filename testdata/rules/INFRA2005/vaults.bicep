// Key vaults: Azure RBAC must be on. Before API version 2026-02-01 an omitted
// enableRbacAuthorization means access policies (reported at the resource, with or without policy
// entries); entries left beside Azure RBAC are reported too, except a loop over a list that may be
// empty.

param location string = resourceGroup().location
param useRbac bool = false
param readerObjectIds array = []
param rbacFromPipeline bool

resource legacy 'Microsoft.KeyVault/vaults@2023-07-01' = { // expect: INFRA2005@1
  name: 'kv-orders-legacy'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}

resource explicitOff 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-orders-off'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: useRbac // expect: INFRA2005@5
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: '00000000-0000-0000-0000-000000000001'
        permissions: { secrets: [ 'get', 'list' ] }
      }
    ]
  }
}

resource withPolicies 'Microsoft.KeyVault/vaults@2022-07-01' = { // expect: INFRA2005@1
  name: 'kv-orders-policies'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: '00000000-0000-0000-0000-000000000002'
        permissions: { secrets: [ 'get' ] }
      }
    ]
  }
}

resource rbac 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-orders'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    accessPolicies: []
  }
}

resource rbacWithLeftovers 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-orders-leftovers'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    accessPolicies: [ // expect: INFRA2005@5
      {
        tenantId: tenant().tenantId
        objectId: '00000000-0000-0000-0000-000000000003'
        permissions: { keys: [ 'get' ] }
      }
    ]
  }
}

resource rbacByDefault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-orders-new'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}

param principalId string

// As Azure Developer CLI templates write it: policies only for a principal the caller may pass.
resource conditionalPolicies 'Microsoft.KeyVault/vaults@2022-07-01' = { // expect: INFRA2005@1
  name: 'kv-orders-azd'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    accessPolicies: !empty(principalId) ? [
      {
        tenantId: tenant().tenantId
        objectId: principalId
        permissions: { secrets: [ 'get', 'list' ] }
      }
    ] : []
  }
}

resource fromPipeline 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-orders-pipeline'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: rbacFromPipeline
    accessPolicies: [for objectId in readerObjectIds: {
      tenantId: tenant().tenantId
      objectId: objectId
      permissions: { secrets: [ 'get' ] }
    }]
  }
}

resource shared 'Microsoft.KeyVault/vaults@2019-09-01' existing = {
  name: 'kv-shared'
}

resource sharedReaders 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {
  parent: shared
  name: 'add'
  properties: {
    accessPolicies: [ // expect: INFRA2005@5
      {
        tenantId: tenant().tenantId
        objectId: '00000000-0000-0000-0000-000000000004'
        permissions: { secrets: [ 'get' ] }
      }
    ]
  }
}
