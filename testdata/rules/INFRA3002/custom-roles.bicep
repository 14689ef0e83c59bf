// A custom role is privileged when it allows everything or writes role assignments or policy.
targetScope = 'subscription'

param automationPrincipalId string

resource everything 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'automation-everything')
  properties: {
    roleName: 'Automation Everything'
    permissions: [
      { actions: [ '*' ], notActions: [] }
    ]
    assignableScopes: [ subscription().id ]
  }
}

resource readLogs 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'automation-read-logs')
  properties: {
    roleName: 'Automation Log Reader'
    permissions: [
      { actions: [ 'Microsoft.OperationalInsights/workspaces/read', 'Microsoft.Insights/logs/read' ] }
    ]
    assignableScopes: [ subscription().id ]
  }
}

resource grantsEverything 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, automationPrincipalId, 'everything')
  properties: {
    roleDefinitionId: everything.id // expect: INFRA3002@5
    principalId: automationPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource grantsLogs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, automationPrincipalId, 'logs')
  properties: {
    roleDefinitionId: readLogs.id
    principalId: automationPrincipalId
    principalType: 'ServicePrincipal'
  }
}
