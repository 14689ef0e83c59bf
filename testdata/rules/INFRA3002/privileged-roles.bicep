// Privileged roles for identities that run unattended are reported at roleDefinitionId, whatever the
// scope; data-plane roles, and privileged roles for people, are not.
param location string = resourceGroup().location
param deployerPrincipalId string
param adminGroupId string

var contributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
var owner = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
var userAccessAdministrator = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9')
var blobContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-worker'
  location: location
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
}

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stordersdata'
}

resource workerContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, worker.id, contributor)
  properties: {
    roleDefinitionId: contributor // expect: INFRA3002@5
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appOwnsStore 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, app.id, owner)
  scope: store
  properties: {
    roleDefinitionId: owner // expect: INFRA3002@5
    principalId: app.identity.principalId
  }
}

resource deployerGrantsRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, deployerPrincipalId, userAccessAdministrator)
  properties: {
    roleDefinitionId: userAccessAdministrator // expect: INFRA3002@5
    principalId: deployerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// People are not workload identities: a group of administrators may hold Contributor.
resource adminsContribute 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, adminGroupId, contributor)
  properties: {
    roleDefinitionId: contributor
    principalId: adminGroupId
    principalType: 'Group'
  }
}

// The fix: the data-plane role for what the app does.
resource appWritesBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, app.id, blobContributor)
  scope: store
  properties: {
    roleDefinitionId: blobContributor
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
