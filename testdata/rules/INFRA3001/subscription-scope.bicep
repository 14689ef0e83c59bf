// At subscription scope the implicit scope is the whole subscription. A sandbox tag on the identity
// makes it a sandbox identity whatever its name; 'contest' and 'devops' are not environment names.
targetScope = 'subscription'

param sandboxPrincipalId string
param contestPrincipalId string
param devopsAgentPrincipalId string

var reader = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')

resource sandboxReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = { // expect: INFRA3001@1
  name: guid(subscription().id, sandboxPrincipalId, reader)
  properties: {
    roleDefinitionId: reader
    principalId: sandboxPrincipalId
  }
}

resource contestReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, contestPrincipalId, reader)
  properties: {
    roleDefinitionId: reader
    principalId: contestPrincipalId
  }
}

resource devopsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(subscription().id, devopsAgentPrincipalId, reader)
  properties: {
    roleDefinitionId: reader
    principalId: devopsAgentPrincipalId
  }
}
