// A sandbox identity granted a role on a production resource is reported at the scope; a sandbox
// network peered with a production network at the remote network's id.
// (The identity is also trusted in both environments, INFRA4003, and the grant deploys into production: INFRA4002.)
param location string = resourceGroup().location

resource labIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA4003@1
  name: 'id-lab-indexer'
  location: location
}

resource prodStore 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st-prod-documents'
}

resource labStore 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st-lab-documents'
}

resource readsProduction 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA4002@1
  name: guid(prodStore.id, labIdentity.id)
  scope: prodStore // expect: INFRA4001@3
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: labIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource readsLab 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(labStore.id, labIdentity.id)
  scope: labStore
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: labIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource labNetwork 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'vnet-lab'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [ '10.20.0.0/16' ]
    }
  }
}

resource toProductionHub 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-01-01' = {
  parent: labNetwork
  name: 'to-hub'
  properties: {
    remoteVirtualNetwork: {
      id: resourceId('rg-prod-network', 'Microsoft.Network/virtualNetworks', 'vnet-hub') // expect: INFRA4001@7
    }
    allowVirtualNetworkAccess: true
  }
}

resource toLabShared 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-01-01' = {
  parent: labNetwork
  name: 'to-shared'
  properties: {
    remoteVirtualNetwork: {
      id: resourceId('rg-lab-network', 'Microsoft.Network/virtualNetworks', 'vnet-shared')
    }
  }
}
