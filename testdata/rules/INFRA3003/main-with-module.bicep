// The planner's identity is passed to a module that grants it Logic App Operator, which runs workflows:
// 'trigger' is past its 'read' budget. The finding is in the module, where the role is written.
param location string = resourceGroup().location

resource planner 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-agent-planner'
  location: location
}

module grant 'modules/grant.bicep' = {
  name: 'grant-operator'
  params: {
    principalId: planner.properties.principalId
    roleId: '515c2055-d9d4-4321-b1b9-bd0c9a0f79fe'
  }
}
