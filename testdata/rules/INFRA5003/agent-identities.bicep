// A production support agent calls the model and can also trigger refunds: reported at the grant
// that gives the execution right. Grants on the AI service itself, in other environments, or to an
// identity that does not call models are not reported.
// (Its grants in a dev namespace also make it an identity trusted in both environments, INFRA4003, in a mixed deployment, INFRA4002.)
param location string = resourceGroup().location

var openAiUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
var openAiContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a001fd3d-188f-4b5d-821b-7da978bf7442')
var logicAppContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '87a39d53-fc1b-424a-814c-f7e04687dc9e')
var logicAppOperator = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '515c2055-d9d4-4321-b1b9-bd0c9a0f79fe')
var serviceBusSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')

resource agent 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA4003@1
  name: 'id-support-agent'
  location: location
}

resource executor 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-refund-executor'
  location: location
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-support-prod'
}

resource refunds 'Microsoft.Logic/workflows@2019-05-01' existing = {
  name: 'logic-refunds-prod'
}

resource devQueue 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: 'sb-orders-dev'
}

resource agentCallsModel 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, agent.id, openAiUser)
  scope: openAi
  properties: {
    roleDefinitionId: openAiUser
    principalId: agent.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource agentTunesModel 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, agent.id, openAiContributor)
  scope: openAi
  properties: {
    roleDefinitionId: openAiContributor
    principalId: agent.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource agentRunsRefunds 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(refunds.id, agent.id, logicAppContributor)
  scope: refunds
  properties: {
    roleDefinitionId: logicAppContributor // expect: INFRA5003@5
    principalId: agent.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource agentSendsToDev 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA4002@1
  name: guid(devQueue.id, agent.id, serviceBusSender)
  scope: devQueue
  properties: {
    roleDefinitionId: serviceBusSender
    principalId: agent.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The fix: a separate identity executes what the agent drafted.
resource executorRunsRefunds 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(refunds.id, executor.id, logicAppOperator)
  scope: refunds
  properties: {
    roleDefinitionId: logicAppOperator
    principalId: executor.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
