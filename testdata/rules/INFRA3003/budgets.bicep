// Budgets in ./infralint.json: the planner may read on single resources; the experiment apps may hold two
// listed roles; the worker may read and trigger, and also hold Storage Queue Data Contributor by name.
param location string = resourceGroup().location
param deployerPrincipalId string
param adminGroupId string
param someRoleId string

resource planner 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-agent-planner'
  location: location
}

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-worker'
  location: location
}

resource ranker 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-exp-ranker'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
}

resource flow 'Microsoft.Logic/workflows@2019-05-01' existing = {
  name: 'logic-orders'
}

resource store 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stordersdata'
}

resource bus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: 'sb-orders'
}

// Logic App Contributor writes and runs workflows: two classes past 'read'.
resource plannerRunsFlows 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(flow.id, planner.id, 'logic-contributor')
  scope: flow
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '87a39d53-fc1b-424a-814c-f7e04687dc9e') // expect: INFRA3003@5
    principalId: planner.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Reader fits the classes, but on the whole resource group (the implicit scope): past 'resource'.
resource plannerReadsGroup 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA3003@1
  name: guid(resourceGroup().id, planner.id, 'reader')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: planner.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Within the budget: a read role on one resource.
resource plannerReadsBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, planner.id, 'blob-reader')
  scope: store
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: planner.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// A role InfraLint does not know, or one it cannot evaluate: its classes are unknown, so only an allow-list could judge.
resource plannerUnknownRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, planner.id, 'unknown')
  scope: store
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '00000000-1111-4222-8333-444444444444')
    principalId: planner.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plannerParameterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, planner.id, someRoleId)
  scope: store
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', someRoleId)
    principalId: planner.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The experiment app's budget is an allow-list: a role not on it is outside, whatever it does.
resource rankerWritesBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, ranker.id, 'blob-contributor')
  scope: store
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe') // expect: INFRA3003@5
    principalId: ranker.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource rankerReadsBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, ranker.id, 'blob-reader')
  scope: store
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1')
    principalId: ranker.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The worker's budget (by symbolic name): a listed role passes even though it writes; a sender only triggers.
resource workerQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, worker.id, 'queue-contributor')
  scope: store
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource workerSends 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, worker.id, 'sender')
  scope: bus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource workerOwnsBus 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(bus.id, worker.id, 'owner')
  scope: bus
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '090c5cfd-751d-490a-894a-3ce6f1109419') // expect: INFRA3003@5
    principalId: worker.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The deployer's budget is named by its parameter: write on the resource group is within it.
resource deployerContributesBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, deployerPrincipalId, 'blob-contributor')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: deployerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// No budget names the administrators' group: nothing to compare with.
resource adminsOwnStore 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(store.id, adminGroupId, 'owner')
  scope: store
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
    principalId: adminGroupId
    principalType: 'Group'
  }
}
